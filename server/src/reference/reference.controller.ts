import { Controller, Get, Patch } from '@nestjs/common';
import {
  OfficeCodeSchema,
  OfficeListSchema,
  OfficeSchema,
  ReferenceListSchema,
  UpdateOfficeRequestSchema,
  type Office,
  type ReferenceItem,
  type UpdateOfficeFields,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam } from '../common/http/zod-pipe.js';
import { ReferenceService } from './reference.service.js';

@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('municipalities')
  @RequirePermission('reference.read')
  @ApiDoc({
    summary: "Kosovo's municipalities in every interface language",
    response: ReferenceListSchema,
    tags: ['reference'],
  })
  municipalities(): Promise<ReferenceItem[]> {
    return this.reference.municipalities();
  }

  @Get('communities')
  @RequirePermission('reference.read')
  @ApiDoc({ summary: 'Communities', response: ReferenceListSchema, tags: ['reference'] })
  communities(): Promise<ReferenceItem[]> {
    return this.reference.communities();
  }

  @Get('offices')
  @RequirePermission('reference.read')
  @ApiDoc({ summary: 'Offices', response: OfficeListSchema, tags: ['reference'] })
  offices(): Promise<Office[]> {
    return this.reference.offices();
  }

  @Patch('offices/:code')
  @RequirePermission('reference.manage')
  @ApiDoc({
    summary: "Change an office's phone, email or opening hours per language (what families see; audited)",
    response: OfficeSchema,
    tags: ['reference'],
  })
  updateOffice(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('code', OfficeCodeSchema) code: string,
    @ZBody(UpdateOfficeRequestSchema) body: UpdateOfficeFields,
  ): Promise<Office> {
    return this.reference.updateOffice(actor, meta, code, body);
  }
}
