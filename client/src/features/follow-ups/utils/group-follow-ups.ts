import type { FollowUp } from '@mprc/contracts';
import { addDays } from '@/features/cases/utils/partial-date';

export interface FollowUpGroups {
  overdue: FollowUp[];
  today: FollowUp[];
  week: FollowUp[];
}

/** Overdue, due today, and the next seven days, each in date order (as the server sends them). */
export function groupFollowUps(items: FollowUp[], today: string): FollowUpGroups {
  const horizon = addDays(today, 7);
  const groups: FollowUpGroups = { overdue: [], today: [], week: [] };
  for (const item of items) {
    if (item.followUpOn < today || item.overdue) groups.overdue.push(item);
    else if (item.followUpOn === today) groups.today.push(item);
    else if (item.followUpOn <= horizon) groups.week.push(item);
  }
  return groups;
}
