import { UserResponseSchema, type UpdateUserRequest, type UserResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '@/lib/api-client';
import { usersKeys } from './users-keys';

/** Name, role, office, or active (deactivating ends the person's sessions at once). */
export function updateUser({ id, changes }: { id: string; changes: UpdateUserRequest }): Promise<UserResponse> {
  return apiPatch(`/api/v1/users/${encodeURIComponent(id)}`, changes, UserResponseSchema);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.lists() }),
  });
}
