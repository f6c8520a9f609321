import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  CaseKeySchema,
  ConsentListSchema,
  ConsentSchema,
  CreateConsentRequestSchema,
  CreateRelativeRequestSchema,
  EraseRelativeRequestSchema,
  EraseRelativeResponseSchema,
  RelativeListSchema,
  RelativeResponseSchema,
  UpdateRelativeRequestSchema,
  UuidSchema,
  WithdrawConsentRequestSchema,
  type ConsentResponse,
  type CreateConsentRequest,
  type CreateRelativeRequest,
  type EraseRelativeRequest,
  type EraseRelativeResponse,
  type RelativeResponse,
  type UpdateRelativeRequest,
  type WithdrawConsentRequest,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam } from '../common/http/zod-pipe.js';
import { EraseRelative } from './erase-relative.js';
import { RelativesService } from './relatives.service.js';

const tags = ['relatives'];

@Controller('v1/cases/:id/relatives')
export class RelativesController {
  constructor(
    private readonly relatives: RelativesService,
    private readonly eraseRelative: EraseRelative,
  ) {}

  @Get()
  @RequirePermission('relative.read')
  @ApiDoc({
    summary: "The case's relatives with their contact details and consents (the read is audited)",
    response: RelativeListSchema,
    tags,
  })
  list(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
  ): Promise<RelativeResponse[]> {
    return this.relatives.list(actor, meta, id);
  }

  @Post()
  @RequirePermission('relative.write')
  @ApiDoc({
    summary: 'Add a relative, or link an existing one (`relativeId`) to this case too',
    response: RelativeResponseSchema,
    tags,
  })
  add(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(CreateRelativeRequestSchema) body: CreateRelativeRequest,
  ): Promise<RelativeResponse> {
    return this.relatives.add(actor, meta, id, body);
  }

  @Patch(':relativeId')
  @RequirePermission('relative.write')
  @ApiDoc({ summary: "Change a relative's details or their link to this case", response: RelativeResponseSchema, tags })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
    @ZBody(UpdateRelativeRequestSchema) body: UpdateRelativeRequest,
  ): Promise<RelativeResponse> {
    return this.relatives.update(actor, meta, id, relativeId, body);
  }

  @Get(':relativeId/consents')
  @RequirePermission('relative.read')
  @ApiDoc({ summary: "A relative's consents to share their data", response: ConsentListSchema, tags })
  consents(
    @CurrentActor() actor: Actor,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
  ): Promise<ConsentResponse[]> {
    return this.relatives.consents(actor, id, relativeId);
  }

  @Post(':relativeId/consents')
  @RequirePermission('relative.write')
  @ApiDoc({ summary: 'Record a consent to share data with an organisation', response: ConsentSchema, tags })
  addConsent(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
    @ZBody(CreateConsentRequestSchema) body: CreateConsentRequest,
  ): Promise<ConsentResponse> {
    return this.relatives.addConsent(actor, meta, id, relativeId, body);
  }

  @Patch(':relativeId/consents/:consentId')
  @RequirePermission('relative.write')
  @ApiDoc({ summary: 'Withdraw a consent', response: ConsentSchema, tags })
  withdrawConsent(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
    @ZParam('consentId', UuidSchema) consentId: string,
    @ZBody(WithdrawConsentRequestSchema) body: WithdrawConsentRequest,
  ): Promise<ConsentResponse> {
    return this.relatives.withdrawConsent(actor, meta, id, relativeId, consentId, body);
  }

  @Post(':relativeId/erase')
  @HttpCode(200)
  @RequirePermission('relative.erase')
  @ApiDoc({
    summary: "Erase a relative's personal data (consent withdrawn or never given); the case and its statistics stay",
    response: EraseRelativeResponseSchema,
    tags,
  })
  erase(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
    @ZBody(EraseRelativeRequestSchema) body: EraseRelativeRequest,
  ): Promise<EraseRelativeResponse> {
    return this.eraseRelative.execute(actor, meta, id, relativeId, body);
  }
}
