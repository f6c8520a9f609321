import { Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

interface ScrollTableProps {
  /** Names the scrolling region for screen readers (the table's caption). */
  label: string;
  minWidth?: CSSProperties['minWidth'];
  maxHeight?: CSSProperties['maxHeight'];
  children: ReactNode;
}

/**
 * A table that may scroll (a long list, a narrow phone): the scrolling box is a labelled region
 * that takes keyboard focus, so it can be scrolled without a mouse even when the table has no
 * links (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth = 0, maxHeight, children }: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      maxHeight={maxHeight}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </Table.ScrollContainer>
  );
}
