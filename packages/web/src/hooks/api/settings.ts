import type { SecuritySettings } from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http.ts';

export const settingsKeys = {
  all: ['settings'] as const,
  security: () => [...settingsKeys.all, 'security'] as const,
};

export function useSecuritySettings() {
  return useQuery({
    queryKey: settingsKeys.security(),
    queryFn: () => http.get<SecuritySettings>('/api/settings/security'),
  });
}

export function useSaveSecuritySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) => http.put<SecuritySettings>('/api/settings/security', input),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKeys.security(), saved);
      return qc.invalidateQueries({ queryKey: settingsKeys.all });
    },
  });
}
