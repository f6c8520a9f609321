import { Controller, Get, Patch, Post } from '@nestjs/common';
import {
  CaseKeySchema,
  ContactListSchema,
  ContactResponseSchema,
  CreateContactRequestSchema,
  FollowUpPageSchema,
  FollowUpQuerySchema,
  UpdateContactRequestSchema,
  UuidSchema,
  type ContactResponse,
  type CreateContactRequest,
  type FollowUp,
  type FollowUpQuery,
  type Page,
  type UpdateContactRequest,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { ContactsService } from './contacts.service.js';

const tags = ['contacts'];

@Controller('v1/cases/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermission('contact.read')
  @ApiDoc({ summary: 'Contacts with the family, newest first', response: ContactListSchema, tags })
  list(@CurrentActor() actor: Actor, @ZParam('id', CaseKeySchema) id: string): Promise<ContactResponse[]> {
    return this.contacts.list(actor, id);
  }

  @Post()
  @RequirePermission('contact.write')
  @ApiDoc({ summary: 'Log a visit, call, meeting or letter', response: ContactResponseSchema, tags })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(CreateContactRequestSchema) body: CreateContactRequest,
  ): Promise<ContactResponse> {
    return this.contacts.create(actor, meta, id, body);
  }

  @Patch(':contactId')
  @RequirePermission('contact.write')
  @ApiDoc({
    summary: 'Mark the follow-up done, move it, or change the family-visible summary',
    response: ContactResponseSchema,
    tags,
  })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('contactId', UuidSchema) contactId: string,
    @ZBody(UpdateContactRequestSchema) body: UpdateContactRequest,
  ): Promise<ContactResponse> {
    return this.contacts.update(actor, meta, id, contactId, body);
  }
}

@Controller('v1/follow-ups')
export class FollowUpsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermission('contact.read')
  @ApiDoc({
    summary: 'Follow-ups due within 7 days or overdue (the officer home page)',
    response: FollowUpPageSchema,
    tags,
  })
  list(@CurrentActor() actor: Actor, @ZQuery(FollowUpQuerySchema) query: FollowUpQuery): Promise<Page<FollowUp>> {
    return this.contacts.followUps(actor, query);
  }
}
