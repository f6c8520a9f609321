import { Global, Module } from '@nestjs/common';
import { ReferenceController } from './reference.controller.js';
import { OfficesRepository } from './offices.repository.js';
import { ReferenceService } from './reference.service.js';

@Global()
@Module({
  controllers: [ReferenceController],
  providers: [ReferenceService, OfficesRepository],
  exports: [ReferenceService],
})
export class ReferenceModule {}
