import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PERMISSIONS } from '@mprc/contracts';
import { loadConfig } from '../../config/config.js';
import { createApp } from '../../create-app.js';
import { createLogger } from '../logging/logger.js';
import { buildOpenApiDocument } from '../openapi/openapi.js';
import { listRoutes, type RouteInfo } from './route-inventory.js';

// Builds the real module graph (no database connection is made) and reflects over every route.
describe('every route declares its access', () => {
  let app: NestFastifyApplication;
  let routes: RouteInfo[];

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://127.0.0.1:9/not-used' });
    app = await createApp(config, { logger: createLogger('silent') });
    routes = listRoutes(app);
  });
  afterAll(() => app.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/auth/login');
  });

  it('has a permission or @Public() on each route, never both', () => {
    const undeclared = routes
      .filter((r) => !r.isPublic && !r.permission)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared, `routes without @RequirePermission or @Public:\n${undeclared.join('\n')}`).toEqual([]);
    const both = routes.filter((r) => r.isPublic && r.permission).map((r) => `${r.method} ${r.path}`);
    expect(both).toEqual([]);
  });

  it('names only permissions from the table', () => {
    for (const r of routes) if (r.permission) expect(PERMISSIONS).toContain(r.permission);
  });

  it('keeps public routes to a short, reviewed list', () => {
    const pub = routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`);
    const allowed = [
      /^GET \/api\/(health|ready|openapi\.json|docs|docs\/init\.js)$/,
      /^POST \/api\/v1\/auth\/(login|reset-password)$/,
      /^POST \/api\/v1\/family\/login$/,
    ];
    const unexpected = pub.filter((p) => !allowed.some((re) => re.test(p)));
    expect(unexpected, 'new public routes need a review here').toEqual([]);
  });

  it('documents every route in OpenAPI', () => {
    const doc = buildOpenApiDocument(routes) as {
      paths: Record<string, Record<string, { 'x-permission'?: string; summary: string }>>;
    };
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op['x-permission']).toBe(r.isPublic ? 'public' : r.permission);
      expect(r.doc?.summary, `${r.method} ${r.path} has no @ApiDoc summary`).toBeTruthy();
    }
  });
});
