import { Controller, Get, Patch, Post } from '@nestjs/common';
import {
  CaseKeySchema,
  CreateReferralRequestSchema,
  ReferralListSchema,
  ReferralResponseSchema,
  UpdateReferralRequestSchema,
  UuidSchema,
  type CreateReferralRequest,
  type ReferralResponse,
  type UpdateReferralRequest,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam } from '../common/http/zod-pipe.js';
import { ReferralsService } from './referrals.service.js';

const tags = ['referrals'];

@Controller('v1/cases/:id/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @RequirePermission('referral.read')
  @ApiDoc({ summary: 'Referrals to other services', response: ReferralListSchema, tags })
  list(@CurrentActor() actor: Actor, @ZParam('id', CaseKeySchema) id: string): Promise<ReferralResponse[]> {
    return this.referrals.list(actor, id);
  }

  @Post()
  @RequirePermission('referral.write')
  @ApiDoc({
    summary: 'Refer the family to a service (psychosocial, legal aid, medical, other)',
    response: ReferralResponseSchema,
    tags,
  })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZBody(CreateReferralRequestSchema) body: CreateReferralRequest,
  ): Promise<ReferralResponse> {
    return this.referrals.create(actor, meta, id, body);
  }

  @Patch(':referralId')
  @RequirePermission('referral.write')
  @ApiDoc({
    summary: "Change a referral's status (409 ILLEGAL_TRANSITION names the allowed ones) or details",
    response: ReferralResponseSchema,
    tags,
  })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('referralId', UuidSchema) referralId: string,
    @ZBody(UpdateReferralRequestSchema) body: UpdateReferralRequest,
  ): Promise<ReferralResponse> {
    return this.referrals.update(actor, meta, id, referralId, body);
  }
}
