import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** Nothing to show yet: what it means and, if any, what to do. */
export function EmptyResult({
  icon,
  title,
  description,
  children,
}: {
  icon: ReactNode;
  title: string;
  description?: string;
  children?: ReactNode;
}) {
  return (
    <EmptyState icon={icon} title={title} description={description} py="xl">
      {children}
    </EmptyState>
  );
}
