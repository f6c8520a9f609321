import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ContactsController, FollowUpsController } from './contacts.controller.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [CasesModule],
  controllers: [ContactsController, FollowUpsController],
  providers: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
