// One key factory for the feature: invalidate `statusKeys.all` to refresh everything it shows.
export const statusKeys = {
  all: ['status'] as const,
  health: () => [...statusKeys.all, 'health'] as const,
  ready: () => [...statusKeys.all, 'ready'] as const,
};
