import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { caseListSearch, parseCaseListSearch, type CaseListState } from './list-search-params';

export interface UpdateOptions {
  /** Replace the history entry instead of adding one (typing in the search box). */
  replace?: boolean;
}

/**
 * The case list's state, read from and written to the address. Any change other than the page
 * goes back to page 1 (page 7 of another filter is meaningless).
 */
export function useCaseListState(): [CaseListState, (patch: Partial<CaseListState>, options?: UpdateOptions) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseCaseListSearch(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<CaseListState>, options: UpdateOptions = {}) => {
      setSearchParams(
        (current) => {
          const previous = parseCaseListSearch(current);
          const next: CaseListState = { ...previous, ...patch };
          if (patch.page === undefined) next.page = 1;
          return caseListSearch(next);
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearchParams],
  );
  return [state, update];
}
