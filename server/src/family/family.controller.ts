import { Controller, Get, HttpCode, Patch, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  CreateFamilyMessageRequestSchema,
  FamilyCaseDetailSchema,
  FamilyCaseListSchema,
  FamilyLoginRequestSchema,
  FamilyMessageSchema,
  FamilyProfileSchema,
  FamilySessionResponseSchema,
  MarkedReadSchema,
  UpdateFamilyProfileRequestSchema,
  UuidSchema,
  type CreateFamilyMessageRequest,
  type FamilyCaseDetail,
  type FamilyCaseList,
  type FamilyLoginRequest,
  type FamilyMessage,
  type FamilyProfile,
  type FamilySessionResponse,
  type MarkedRead,
  type UpdateFamilyProfileRequest,
} from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_RATE_LIMIT } from '../auth/auth.controller.js';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { Public, RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam } from '../common/http/zod-pipe.js';
import { FamilyAuthService } from './family-auth.service.js';
import { FamilyPortalService } from './family-portal.service.js';

/** `filename` for ASCII browsers plus `filename*` (RFC 6266/5987) for names in any script. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@Controller('v1/family')
export class FamilyController {
  constructor(
    private readonly auth: FamilyAuthService,
    private readonly portal: FamilyPortalService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiDoc({
    summary: 'Family sign-in with the case number and the access code from the letter',
    response: FamilySessionResponseSchema,
    status: 200,
    tags: ['family portal'],
  })
  login(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ZBody(FamilyLoginRequestSchema) body: FamilyLoginRequest,
  ): Promise<FamilySessionResponse> {
    return this.auth.login(req, reply, body);
  }

  @Get('me')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'The signed-in family member, their cases and the CSRF token',
    response: FamilySessionResponseSchema,
    tags: ['family portal'],
  })
  me(@CurrentActor() actor: Actor): Promise<FamilySessionResponse> {
    return this.auth.me(actor);
  }

  @Patch('me')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'Update my phone, email, address or preferred language (the officer sees the change)',
    response: FamilyProfileSchema,
    tags: ['family portal'],
  })
  updateMe(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZBody(UpdateFamilyProfileRequestSchema) body: UpdateFamilyProfileRequest,
  ): Promise<FamilyProfile> {
    return this.auth.updateProfile(actor, meta, body);
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('session.self')
  @ApiDoc({
    summary: 'Sign out of the family portal: the session ends on the server',
    status: 204,
    tags: ['family portal'],
  })
  logout(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.auth.logout(req, reply, actor);
  }

  @Get('cases')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'My cases: the missing person, the stage in plain words (a key), the last update',
    response: FamilyCaseListSchema,
    tags: ['family portal'],
  })
  cases(@CurrentActor() actor: Actor): Promise<FamilyCaseList> {
    return this.portal.list(actor);
  }

  @Get('cases/:id')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'One of my cases: stage, timeline written for the family, documents, messages, office and liaison officer',
    response: FamilyCaseDetailSchema,
    tags: ['family portal'],
  })
  case(@CurrentActor() actor: Actor, @ZParam('id', UuidSchema) id: string): Promise<FamilyCaseDetail> {
    return this.portal.get(actor, id);
  }

  @Get('cases/:id/attachments/:attachmentId/content')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'Download a document shared with the family',
    produces: ['application/octet-stream'],
    tags: ['family portal'],
  })
  async attachment(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZParam('attachmentId', UuidSchema) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.portal.attachment(actor, meta, id, attachmentId);
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: contentDisposition('attachment', file.fileName),
      length: file.data.length,
    });
  }

  @Post('cases/:id/messages')
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: 'Write to the liaison officer, or ask for a meeting',
    response: FamilyMessageSchema,
    tags: ['family portal'],
  })
  message(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZBody(CreateFamilyMessageRequestSchema) body: CreateFamilyMessageRequest,
  ): Promise<FamilyMessage> {
    return this.portal.postMessage(actor, meta, id, body);
  }

  @Post('cases/:id/messages/read')
  @HttpCode(200)
  @RequirePermission('family.portal')
  @ApiDoc({
    summary: "Mark the office's replies on this case as read",
    response: MarkedReadSchema,
    status: 200,
    tags: ['family portal'],
  })
  markRead(@CurrentActor() actor: Actor, @ZParam('id', UuidSchema) id: string): Promise<MarkedRead> {
    return this.portal.markRead(actor, id);
  }
}
