import { Module } from '@nestjs/common';
import { FamilyAuthService } from './family-auth.service.js';
import { FamilyPortalService } from './family-portal.service.js';
import { FamilyViewRepository } from './family-view.repository.js';
import { FamilyController } from './family.controller.js';
import { FamilyRepository } from './family.repository.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { PortalAccessController } from './portal-access.controller.js';
import { PortalAccessService } from './portal-access.service.js';

/** The family portal: portal access (staff), the family's sign-in and pages, messages both ways. */
@Module({
  controllers: [FamilyController, PortalAccessController, MessagesController],
  providers: [
    FamilyRepository,
    FamilyViewRepository,
    FamilyAuthService,
    FamilyPortalService,
    PortalAccessService,
    MessagesService,
  ],
})
export class FamilyModule {}
