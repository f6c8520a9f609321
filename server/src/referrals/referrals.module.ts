import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [CasesModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralsRepository],
})
export class ReferralsModule {}
