import {
  MeSchema,
  OkSchema,
  TotpEnrolStartSchema,
  type LoginInput,
  type Me,
  type PasswordChangeInput,
  type TotpEnrolConfirmInput,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../lib/http.ts';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

async function fetchMe(): Promise<Me> {
  const me = await api.get(MeSchema, '/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user; also (re)loads the CSRF token after a page reload. */
export function useMe(enabled = true) {
  return useQuery({ queryKey: authKeys.me(), queryFn: fetchMe, staleTime: 60_000, retry: false, enabled });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post(MeSchema, '/api/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(authKeys.me(), me);
    },
    meta: { inlineError: true },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(OkSchema, '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
    // Logging out always ends on the login page, so a failure needs no toast.
    meta: { inlineError: true },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => api.post(OkSchema, '/api/auth/password', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me() }),
    meta: { inlineError: true },
  });
}

export function useTotpStart() {
  return useMutation({
    mutationFn: () => api.post(TotpEnrolStartSchema, '/api/auth/totp/start'),
  });
}

export function useTotpConfirm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpEnrolConfirmInput) => api.post(OkSchema, '/api/auth/totp/confirm', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me() }),
    meta: { inlineError: true },
  });
}
