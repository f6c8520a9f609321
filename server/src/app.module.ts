import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './common/auth/access.guard.js';
import { DatabaseModule } from './common/database/database.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { OpenApiModule } from './common/openapi/openapi.module.js';
import { ConfigModule } from './config/config.module.js';
import type { Config } from './config/config.js';
import { HealthModule } from './health/health.module.js';
import { FEATURE_MODULES } from './features.js';

@Module({})
export class AppModule {
  static register(config: Config, extra: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        DatabaseModule,
        HealthModule,
        OpenApiModule,
        ...FEATURE_MODULES,
        ...extra,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
