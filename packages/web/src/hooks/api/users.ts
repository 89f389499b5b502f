import {
  OkSchema,
  UserListSchema,
  UserSchema,
  type UserCreateInput,
  type UserRolesInput,
  type UserUpdateInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { authKeys } from './auth.ts';

export interface UserListParams {
  q?: string;
  page: number;
  pageSize: number;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => api.get(UserListSchema, '/api/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    // The edited user may be the signed-in one, so /me is refreshed too.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: userKeys.lists() }),
        qc.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}

const userPath = (id: string, action = '') => `/api/users/${encodeURIComponent(id)}${action}`;

export function useCreateUser() {
  return useUserMutation((input: UserCreateInput) => api.post(UserSchema, '/api/users', input));
}

export function useUpdateUser() {
  return useUserMutation(({ id, input }: { id: string; input: UserUpdateInput }) =>
    api.patch(UserSchema, userPath(id), input),
  );
}

export function useGrantRoles() {
  return useUserMutation(({ id, input }: { id: string; input: UserRolesInput }) =>
    api.post(UserSchema, userPath(id, '/roles'), input),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, initialPassword }: { id: string; initialPassword: string }) =>
    api.post(OkSchema, userPath(id, '/reset-password'), { initialPassword }),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) => api.post(OkSchema, userPath(id, '/unlock')));
}
