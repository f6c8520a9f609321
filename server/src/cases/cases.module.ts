import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access.service.js';
import { CaseSearchRepository } from './case-search.repository.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseWorkflowService, CasesRepository, CaseSearchRepository, CaseAccess],
  exports: [CaseAccess, CasesRepository],
})
export class CasesModule {}
