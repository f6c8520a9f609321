import type { AuditQuery } from '@mprc/contracts';

// One key factory for the feature.
export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditQuery) => [...auditKeys.lists(), query] as const,
  actors: () => [...auditKeys.all, 'actors'] as const,
};
