import { Controller, Get } from '@nestjs/common';
import { OfficeListSchema, ReferenceListSchema, type Office, type ReferenceItem } from '@mprc/contracts';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ReferenceService } from './reference.service.js';

@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('municipalities')
  @RequirePermission('reference.read')
  @ApiDoc({ summary: "Kosovo's municipalities in every interface language", response: ReferenceListSchema, tags: ['reference'] })
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
}
