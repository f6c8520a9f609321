import type { ImportRowFilter } from '@mprc/contracts';

// One key factory for the feature. A dry run or a commit changes an import's detail and rows;
// an upload or a commit changes the list.
export const importsKeys = {
  all: ['imports'] as const,
  lists: () => [...importsKeys.all, 'list'] as const,
  list: (page: number) => [...importsKeys.lists(), page] as const,
  detail: (id: string) => [...importsKeys.all, 'detail', id] as const,
  rows: (id: string, filter: ImportRowFilter, page: number) =>
    [...importsKeys.detail(id), 'rows', filter, page] as const,
  mappings: () => [...importsKeys.all, 'mappings'] as const,
};
