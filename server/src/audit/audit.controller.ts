import { Controller, Get } from '@nestjs/common';
import {
  AuditPageSchema,
  AuditQuerySchema,
  type AuditEntryResponse,
  type AuditQuery,
  type Page,
} from '@mprc/contracts';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZQuery } from '../common/http/zod-pipe.js';
import { AuditRepository } from './audit.repository.js';

@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiDoc({ summary: 'Browse the audit trail (newest first)', response: AuditPageSchema, tags: ['audit'] })
  list(@ZQuery(AuditQuerySchema) query: AuditQuery): Promise<Page<AuditEntryResponse>> {
    return this.audit.list(query);
  }
}
