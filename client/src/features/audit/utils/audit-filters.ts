import { AuditQuerySchema, type AuditQuery } from '@mprc/contracts';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_FILTER_KEYS = ['actorId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Record<AuditFilterKey, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the URL says, as the filter form shows it (dates as YYYY-MM-DD, in local time). */
export function filterValuesFromSearch(params: URLSearchParams): AuditFilterValues {
  const values = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, ''])) as AuditFilterValues;
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim() ?? '';
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !DATE.test(value)) continue;
    if (!AuditQuerySchema.shape[key].safeParse(value).success) continue;
    values[key] = value;
  }
  return values;
}

export function pageFromSearch(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Local midnight (from) and the end of the local day (to): days as the person means them. */
function localDayBoundary(date: string, end: boolean): string {
  const [year, month, day] = date.split('-').map(Number);
  const at = end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day, 0, 0, 0, 0);
  return at.toISOString();
}

/** The API query for the URL's filters and page. */
export function auditQueryFromSearch(params: URLSearchParams): AuditQuery {
  const values = filterValuesFromSearch(params);
  return AuditQuerySchema.parse({
    page: pageFromSearch(params),
    pageSize: AUDIT_PAGE_SIZE,
    actorId: values.actorId || undefined,
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    action: values.action || undefined,
    from: values.from ? localDayBoundary(values.from, false) : undefined,
    to: values.to ? localDayBoundary(values.to, true) : undefined,
  });
}

/** The URL for new filter values (page 1) or, with `page`, the same filters on another page. */
export function searchFor(values: Partial<AuditFilterValues>, page = 1): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = values[key]?.trim();
    if (value) next.set(key, value);
  }
  if (page > 1) next.set('page', String(page));
  return next;
}
