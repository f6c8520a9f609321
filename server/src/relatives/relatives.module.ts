import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RelativesController } from './relatives.controller.js';
import { RelativesRepository } from './relatives.repository.js';
import { RelativesService } from './relatives.service.js';

@Module({
  imports: [CasesModule],
  controllers: [RelativesController],
  providers: [RelativesService, RelativesRepository],
})
export class RelativesModule {}
