export type FollowUpScope = 'mine' | 'office';

export const followUpsKeys = {
  all: ['follow-ups'] as const,
  list: (scope: FollowUpScope) => [...followUpsKeys.all, scope] as const,
};
