import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./contracts/src/index.ts', import.meta.url));
// NestJS dependency injection needs decorator metadata, which esbuild does not emit: server code
// is compiled by SWC in tests, as tsc does for the build.
const serverSwc = () =>
  swc.vite({
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });

export default defineConfig({
  resolve: { alias: { '@mprc/contracts': contracts } },
  test: {
    projects: [
      {
        plugins: [serverSwc()],
        resolve: { alias: { '@mprc/contracts': contracts } },
        test: {
          name: 'unit',
          include: ['contracts/src/**/*.spec.ts', 'server/src/**/*.spec.ts', 'scripts/**/*.spec.{ts,mjs}'],
          environment: 'node',
        },
      },
      {
        extends: './client/vite.config.ts',
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.spec.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        plugins: [serverSwc()],
        resolve: { alias: { '@mprc/contracts': contracts } },
        test: {
          name: 'integration',
          include: ['server/test/**/*.int-spec.ts'],
          environment: 'node',
          globalSetup: ['server/test/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database cloned from a migrated template; files run in parallel.
          fileParallelism: true,
        },
      },
    ],
  },
});
