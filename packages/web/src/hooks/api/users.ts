import type { User, UserCreateInput, UserRolesInput, UserUpdateInput } from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http.ts';
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

type Ok = { ok: true };

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => http.get<{ items: User[]; total: number }>('/api/users', { ...params }),
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
  return useUserMutation((input: UserCreateInput) => http.post<User>('/api/users', input));
}

export function useUpdateUser() {
  return useUserMutation(({ id, input }: { id: string; input: UserUpdateInput }) =>
    http.patch<User>(userPath(id), input),
  );
}

export function useGrantRoles() {
  return useUserMutation(({ id, input }: { id: string; input: UserRolesInput }) =>
    http.post<User>(userPath(id, '/roles'), input),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, initialPassword }: { id: string; initialPassword: string }) =>
    http.post<Ok>(userPath(id, '/reset-password'), { initialPassword }),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) => http.post<Ok>(userPath(id, '/unlock')));
}
