import { Global, Module } from '@nestjs/common';
import { FamilyViewRepository } from '../family/family-view.repository.js';
import { NotificationService } from './notification.service.js';

/** Family notifications by email; global so any feature can call notifyFamily() after its transaction. */
@Global()
@Module({
  providers: [NotificationService, FamilyViewRepository],
  exports: [NotificationService],
})
export class NotificationsModule {}
