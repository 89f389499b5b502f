import { SecuritySettingsSchema, type SecuritySettings } from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

export const settingsKeys = {
  all: ['settings'] as const,
  security: () => [...settingsKeys.all, 'security'] as const,
};

export function useSecuritySettings() {
  return useQuery({
    queryKey: settingsKeys.security(),
    queryFn: () => api.get(SecuritySettingsSchema, '/api/settings/security'),
  });
}

export function useSaveSecuritySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) => api.put(SecuritySettingsSchema, '/api/settings/security', input),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKeys.security(), saved);
      return qc.invalidateQueries({ queryKey: settingsKeys.all });
    },
  });
}
