import { Controller, Delete, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import {
  CasePortalSummarySchema,
  PortalAccessIssuedSchema,
  PortalAccessStatusSchema,
  PortalLetterQuerySchema,
  PortalLetterRequestSchema,
  UuidSchema,
  type CasePortalSummary,
  type PortalAccessIssued,
  type PortalAccessStatus,
  type PortalLetterQuery,
  type PortalLetterRequest,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { PortalAccessService } from './portal-access.service.js';

@Controller('v1/cases/:id')
export class PortalAccessController {
  constructor(private readonly portal: PortalAccessService) {}

  @Get('portal-access')
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary: "The case's family portal: each relative's access and whether sign-in for the case number is locked",
    response: CasePortalSummarySchema,
    tags: ['family portal (staff)'],
  })
  summary(@CurrentActor() actor: Actor, @ZParam('id', UuidSchema) id: string): Promise<CasePortalSummary> {
    return this.portal.caseSummary(actor, id);
  }

  @Post('portal-access/unlock')
  @HttpCode(204)
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary: 'Lift the lock on family sign-in for this case number after repeated wrong codes',
    status: 204,
    tags: ['family portal (staff)'],
  })
  unlock(@CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @ZParam('id', UuidSchema) id: string): Promise<void> {
    return this.portal.unlock(actor, meta, id);
  }

  @Post('relatives/:relativeId/portal-access')
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary: 'Issue portal access for a relative: a new code, shown once (replaces an old code and ends its sessions)',
    response: PortalAccessIssuedSchema,
    tags: ['family portal (staff)'],
  })
  issue(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
  ): Promise<PortalAccessIssued> {
    return this.portal.issue(actor, meta, id, relativeId);
  }

  @Get('relatives/:relativeId/portal-access')
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary: "A relative's portal access: issued, revoked, last sign-in, lockout of the case number",
    response: PortalAccessStatusSchema,
    tags: ['family portal (staff)'],
  })
  status(
    @CurrentActor() actor: Actor,
    @ZParam('id', UuidSchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
  ): Promise<PortalAccessStatus> {
    return this.portal.status(actor, id, relativeId);
  }

  @Delete('relatives/:relativeId/portal-access')
  @HttpCode(204)
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary: "Revoke a relative's portal access; their sessions end at once",
    status: 204,
    tags: ['family portal (staff)'],
  })
  revoke(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
  ): Promise<void> {
    return this.portal.revoke(actor, meta, id, relativeId);
  }

  @Post('relatives/:relativeId/portal-access/letter')
  @HttpCode(200)
  @RequirePermission('portal.issue')
  @ApiDoc({
    summary:
      'The printable access letter (PDF, one A4 page) for the code just issued, in the relative’s language (?script=cyrl for Serbian Cyrillic)',
    produces: ['application/pdf'],
    status: 200,
    tags: ['family portal (staff)'],
  })
  async letter(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZParam('relativeId', UuidSchema) relativeId: string,
    @ZQuery(PortalLetterQuerySchema) query: PortalLetterQuery,
    @ZBody(PortalLetterRequestSchema) body: PortalLetterRequest,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.portal.letter(actor, meta, id, relativeId, body.accessCode, query);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
