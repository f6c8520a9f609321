import { Card, Skeleton, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** Label column of the cards' data lists: narrower on a phone so values keep room to wrap. */
export const LABEL_WIDTH = 'clamp(7rem, 35vw, 11rem)';

/** A titled section of the status page; shows skeleton lines while its query is pending. */
export function StatusCard({ title, pending, children }: { title: string; pending: boolean; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={headingId} aria-busy={pending}>
      <Stack gap="md">
        <Title order={2} fz="h3" id={headingId}>
          {title}
        </Title>
        {pending ? (
          <Stack gap="sm" aria-hidden="true">
            <Skeleton h={18} w="60%" />
            <Skeleton h={18} w="40%" />
            <Skeleton h={18} w="50%" />
          </Stack>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
