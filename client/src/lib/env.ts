import { z } from 'zod';

// Build-time settings (VITE_*), checked once at boot so a bad value fails loudly, listing every
// bad key, instead of surfacing as a broken request later.
const EnvSchema = z.object({
  MODE: z.string(),
  DEV: z.boolean(),
  /** Origin and/or path prefix in front of `/api/...`; empty for the same origin (the default). */
  VITE_API_BASE_URL: z
    .string()
    .trim()
    .default('')
    .refine(
      (value) => value === '' || /^(https?:\/\/[^/]+)?(\/[^?#]*)?$/.test(value),
      'An absolute URL or a path, without query',
    )
    .transform((value) => value.replace(/\/+$/, '')),
  /** How often the status page checks the server, in milliseconds. */
  VITE_STATUS_REFRESH_MS: z.coerce.number().int().min(1000).default(30_000),
});
export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, unknown>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid client environment: ${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(import.meta.env);
