import { Injectable } from '@nestjs/common';
import type { HealthResponse, ReadyResponse } from '@mprc/contracts';
import { DatabaseService } from '../common/database/database.service.js';
import { pendingMigrations } from '../common/database/migrator.js';
import { APP_VERSION } from '../version.js';

@Injectable()
export class HealthService {
  constructor(private readonly db: DatabaseService) {}

  live(): HealthResponse {
    return { status: 'ok', version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) };
  }

  async ready(): Promise<ReadyResponse> {
    try {
      const pending = await pendingMigrations(this.db.pool);
      return {
        status: pending.length === 0 ? 'ready' : 'unavailable',
        version: APP_VERSION,
        database: { reachable: true, migrationsApplied: pending.length === 0, pendingMigrations: pending },
      };
    } catch {
      return {
        status: 'unavailable',
        version: APP_VERSION,
        database: { reachable: false, migrationsApplied: false, pendingMigrations: [] },
      };
    }
  }
}
