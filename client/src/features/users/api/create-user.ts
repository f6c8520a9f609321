import { UserResponseSchema, type CreateUserRequest, type UserResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { usersKeys } from './users-keys';

export function createUser(body: CreateUserRequest): Promise<UserResponse> {
  return apiPost('/api/v1/users', body, UserResponseSchema);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.lists() }),
  });
}
