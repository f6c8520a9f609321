import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EraseRelative } from './erase-relative.js';
import { RelativesController } from './relatives.controller.js';
import { RelativesRepository } from './relatives.repository.js';
import { RelativesService } from './relatives.service.js';

@Module({
  imports: [CasesModule],
  controllers: [RelativesController],
  providers: [RelativesService, RelativesRepository, EraseRelative],
})
export class RelativesModule {}
