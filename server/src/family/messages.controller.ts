import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  CaseMessageSchema,
  CaseMessageThreadSchema,
  CreateCaseMessageRequestSchema,
  InboxPageSchema,
  InboxQuerySchema,
  MarkedReadSchema,
  UnreadCountSchema,
  UuidSchema,
  type CaseMessage,
  type CaseMessageThread,
  type CreateCaseMessageRequest,
  type InboxPage,
  type InboxQuery,
  type MarkedRead,
  type UnreadCount,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { MessagesService } from './messages.service.js';

@Controller('v1')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('messages/inbox')
  @RequirePermission('message.staff')
  @ApiDoc({
    summary: "Messages from families on my office's cases (a manager: every office), unread first",
    response: InboxPageSchema,
    tags: ['messages'],
  })
  inbox(@CurrentActor() actor: Actor, @ZQuery(InboxQuerySchema) query: InboxQuery): Promise<InboxPage> {
    return this.messages.inbox(actor, query);
  }

  @Get('messages/unread-count')
  @RequirePermission('message.staff')
  @ApiDoc({
    summary: 'How many family messages in my scope are unread',
    response: UnreadCountSchema,
    tags: ['messages'],
  })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.messages.unreadCount(actor);
  }

  @Get('cases/:id/messages')
  @RequirePermission('message.staff')
  @ApiDoc({
    summary: "A case's messages with the family, oldest first",
    response: CaseMessageThreadSchema,
    tags: ['messages'],
  })
  thread(@CurrentActor() actor: Actor, @ZParam('id', UuidSchema) id: string): Promise<CaseMessageThread> {
    return this.messages.thread(actor, id);
  }

  @Post('cases/:id/messages')
  @RequirePermission('message.staff')
  @ApiDoc({
    summary: 'Reply to the family (one relative, or every relative with portal access); they are told by email',
    response: CaseMessageSchema,
    tags: ['messages'],
  })
  reply(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZBody(CreateCaseMessageRequestSchema) body: CreateCaseMessageRequest,
  ): Promise<CaseMessage> {
    return this.messages.reply(actor, meta, id, body);
  }

  @Post('cases/:id/messages/read')
  @HttpCode(200)
  @RequirePermission('message.staff')
  @ApiDoc({
    summary: "Mark the family's messages on this case as read",
    response: MarkedReadSchema,
    status: 200,
    tags: ['messages'],
  })
  markRead(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
  ): Promise<MarkedRead> {
    return this.messages.markRead(actor, meta, id);
  }
}
