import { OrgListSchema, OrgSchema, type OrgCreateInput, type OrgUpdateInput } from '@ganbu/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { authKeys } from './auth.ts';
import { cadreKeys } from './cadres.ts';
import { userKeys } from './users.ts';

export const orgKeys = {
  all: ['orgs'] as const,
  list: () => [...orgKeys.all, 'list'] as const,
};

/** All orgs in the user's scope, as a flat list. */
export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(),
    queryFn: async () => (await api.get(OrgListSchema, '/api/orgs')).items,
    enabled,
  });
}

/** Org names show up in users, cadres and the header, so all of them are refreshed. */
function invalidateAfterOrgChange(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: orgKeys.all }),
    qc.invalidateQueries({ queryKey: userKeys.lists() }),
    qc.invalidateQueries({ queryKey: cadreKeys.lists() }),
    qc.invalidateQueries({ queryKey: authKeys.me() }),
  ]);
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgCreateInput) => api.post(OrgSchema, '/api/orgs', input),
    onSuccess: () => invalidateAfterOrgChange(qc),
  });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrgUpdateInput }) =>
      api.patch(OrgSchema, `/api/orgs/${encodeURIComponent(id)}`, input),
    onSuccess: () => invalidateAfterOrgChange(qc),
  });
}

export function useMoveOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string }) =>
      api.post(OrgSchema, `/api/orgs/${encodeURIComponent(id)}/move`, { parentId }),
    onSuccess: () => invalidateAfterOrgChange(qc),
  });
}

export function useSetOrgActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.post(OrgSchema, `/api/orgs/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`),
    onSuccess: () => invalidateAfterOrgChange(qc),
  });
}
