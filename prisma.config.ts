import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. Migrations are applied by the server's own migrator
// (server/src/common/database/migrator.ts) and created by scripts/prisma-wasm.mjs, because the
// native schema engine cannot be downloaded everywhere this project runs.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
