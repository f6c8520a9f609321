import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CasesModule } from './cases/cases.module.js';
import { FamilyModule } from './family/family.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { UsersModule } from './users/users.module.js';

// Feature modules, one per folder. Each new feature adds its module here.
export const FEATURE_MODULES: Type[] = [AuditModule, AuthModule, UsersModule, ReferenceModule, NotificationsModule, FamilyModule, CasesModule];
