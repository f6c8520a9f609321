export const relativesKeys = {
  all: ['relatives'] as const,
  list: (caseId: string) => [...relativesKeys.all, caseId] as const,
  portal: (caseId: string) => [...relativesKeys.all, caseId, 'portal'] as const,
};
