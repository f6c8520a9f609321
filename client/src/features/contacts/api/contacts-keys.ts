export const contactsKeys = {
  all: ['contacts'] as const,
  list: (caseId: string) => [...contactsKeys.all, caseId] as const,
};
