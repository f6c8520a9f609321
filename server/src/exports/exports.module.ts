import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { CaseExportRepository } from './case-export.repository.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({
  imports: [ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService, CaseExportRepository],
})
export class ExportsModule {}
