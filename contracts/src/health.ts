import { z } from 'zod';

export const HealthResponseSchema = z
  .object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const ReadyResponseSchema = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    version: z.string(),
    database: z.object({
      reachable: z.boolean(),
      migrationsApplied: z.boolean(),
      pendingMigrations: z.array(z.string()),
    }),
  })
  .meta({ id: 'ReadyResponse' });
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;
