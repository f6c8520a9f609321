// Field-level changes for the audit trail. Sensitive values (contact details, secrets) are
// masked: the trail says that they changed, not what they were.
export type Changes = Record<string, { from: unknown; to: unknown }>;

export const MASK = '[masked]';
const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

export function diffChanges<T extends object>(
  before: T,
  after: Partial<T>,
  options: { sensitive?: readonly string[] } = {},
): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] === undefined) continue;
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = options.sensitive?.includes(key)
      ? { from: from == null ? null : MASK, to: to == null ? null : MASK }
      : { from, to };
  }
  return changes;
}

/** The values of a newly created record, masked like changes. */
export function creationChanges(
  record: Record<string, unknown>,
  options: { sensitive?: readonly string[] } = {},
): Changes {
  return diffChanges({} as Record<string, unknown>, record, options);
}
