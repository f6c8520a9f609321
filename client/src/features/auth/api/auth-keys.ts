// One key factory for the feature. The session is the only auth query; everything else is a mutation.
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};
