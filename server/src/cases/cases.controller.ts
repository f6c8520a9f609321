import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  AssignCaseRequestSchema,
  AuditPageSchema,
  CaseHistoryQuerySchema,
  CaseKeySchema,
  CaseListQuerySchema,
  CasePageSchema,
  CaseResponseSchema,
  CaseTimelineSchema,
  ChangeCaseStatusRequestSchema,
  CreateCaseRequestSchema,
  DuplicateCandidateListSchema,
  DuplicateQuerySchema,
  FamilyInformedRequestSchema,
  MergeCaseRequestSchema,
  UpdateCaseRequestSchema,
  type AssignCaseRequest,
  type AuditEntryResponse,
  type CaseEventResponse,
  type CaseHistoryQuery,
  type CaseListItem,
  type CaseListQuery,
  type CaseResponse,
  type ChangeCaseStatusRequest,
  type CreateCaseRequest,
  type DuplicateCandidate,
  type DuplicateQuery,
  type FamilyInformedRequest,
  type MergeCaseRequest,
  type Page,
  type UpdateCaseRequest,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CasesService } from './cases.service.js';

const tags = ['cases'];

@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  @Get()
  @RequirePermission('case.read')
  @ApiDoc({
    summary: 'List and search cases (names across scripts and typos, case numbers, external references)',
    response: CasePageSchema,
    tags,
  })
  list(@CurrentActor() actor: Actor, @ZQuery(CaseListQuerySchema) query: CaseListQuery): Promise<Page<CaseListItem>> {
    return this.cases.list(actor, query);
  }

  @Post()
  @RequirePermission('case.create')
  @ApiDoc({ summary: 'Create a case (gets the next case number)', response: CaseResponseSchema, tags })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZBody(CreateCaseRequestSchema) body: CreateCaseRequest,
  ): Promise<CaseResponse> {
    return this.cases.create(actor, meta, body);
  }

  @Get('duplicates')
  @RequirePermission('case.read')
  @ApiDoc({
    summary: 'Likely duplicates of a person about to be reported, best first (top 10)',
    response: DuplicateCandidateListSchema,
    tags,
  })
  duplicates(
    @CurrentActor() actor: Actor,
    @ZQuery(DuplicateQuerySchema) query: DuplicateQuery,
  ): Promise<DuplicateCandidate[]> {
    return this.cases.duplicates(actor, query);
  }

  @Get(':id')
  @RequirePermission('case.read')
  @ApiDoc({
    summary: 'One case (by id or case number; a merged case resolves to the surviving one). Audited.',
    response: CaseResponseSchema,
    tags,
  })
  get(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
  ): Promise<CaseResponse> {
    return this.cases.get(actor, meta, id);
  }

  @Patch(':id')
  @RequirePermission('case.update')
  @ApiDoc({
    summary: 'Change the record; `version` must be current (else 409 VERSION_CONFLICT)',
    response: CaseResponseSchema,
    tags,
  })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(UpdateCaseRequestSchema) body: UpdateCaseRequest,
  ): Promise<CaseResponse> {
    return this.cases.update(actor, meta, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('case.status')
  @ApiDoc({
    summary: 'Change the fate and/or workflow status (409 ILLEGAL_TRANSITION names the allowed ones)',
    response: CaseResponseSchema,
    status: 200,
    tags,
  })
  status(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(ChangeCaseStatusRequestSchema) body: ChangeCaseStatusRequest,
  ): Promise<CaseResponse> {
    return this.workflow.changeStatus(actor, meta, id, body);
  }

  @Post(':id/family-informed')
  @HttpCode(200)
  @RequirePermission('case.status')
  @ApiDoc({
    summary: 'Record that the family was told the news in person',
    response: CaseResponseSchema,
    status: 200,
    tags,
  })
  familyInformed(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(FamilyInformedRequestSchema) body: FamilyInformedRequest,
  ): Promise<CaseResponse> {
    return this.workflow.familyInformed(actor, meta, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('case.assign')
  @ApiDoc({
    summary: 'Assign a liaison officer of the case office (or null)',
    response: CaseResponseSchema,
    status: 200,
    tags,
  })
  assign(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(AssignCaseRequestSchema) body: AssignCaseRequest,
  ): Promise<CaseResponse> {
    return this.workflow.assign(actor, meta, id, body);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission('case.merge')
  @ApiDoc({
    summary: 'Merge a duplicate into this case (everything moves here; the duplicate closes and resolves here)',
    response: CaseResponseSchema,
    status: 200,
    tags,
  })
  merge(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(MergeCaseRequestSchema) body: MergeCaseRequest,
  ): Promise<CaseResponse> {
    return this.workflow.merge(actor, meta, id, body);
  }

  @Get(':id/timeline')
  @RequirePermission('case.read')
  @ApiDoc({ summary: "The case's timeline, newest first", response: CaseTimelineSchema, tags })
  timeline(@CurrentActor() actor: Actor, @ZParam('id', CaseKeySchema) id: string): Promise<CaseEventResponse[]> {
    return this.cases.timeline(actor, id);
  }

  @Get(':id/history')
  @RequirePermission('case.history')
  @ApiDoc({
    summary: "The case's audit history (its relatives, contacts, referrals and attachments included)",
    response: AuditPageSchema,
    tags,
  })
  history(
    @CurrentActor() actor: Actor,
    @ZParam('id', CaseKeySchema) id: string,
    @ZQuery(CaseHistoryQuerySchema) query: CaseHistoryQuery,
  ): Promise<Page<AuditEntryResponse>> {
    return this.cases.history(actor, id, query);
  }
}
