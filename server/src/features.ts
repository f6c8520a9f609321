import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { FamilyModule } from './family/family.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RelativesModule } from './relatives/relatives.module.js';
import { UsersModule } from './users/users.module.js';

// Feature modules, one per folder. Each new feature adds its module here.
export const FEATURE_MODULES: Type[] = [
  AuditModule,
  AuthModule,
  UsersModule,
  ReferenceModule,
  NotificationsModule,
  FamilyModule,
  CasesModule,
  RelativesModule,
  ContactsModule,
  ReferralsModule,
  AttachmentsModule,
  ReportsModule,
  ExportsModule,
  ImportsModule,
];
