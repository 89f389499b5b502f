import { CaseDetailSchema, InboxCountSchema, InboxSchema, type CaseActionInput } from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

/** Query keys of the inbox and of cases; an action on a case invalidates both. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: () => [...inboxKeys.all, 'list'] as const,
  count: () => [...inboxKeys.all, 'count'] as const,
};
export const caseKeys = {
  all: ['cases'] as const,
  detail: (id: string) => [...caseKeys.all, id] as const,
};

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export function useInbox() {
  return useQuery({ queryKey: inboxKeys.list(), queryFn: () => api.get(InboxSchema, '/api/inbox') });
}

/** The header badge's count, refreshed every minute while the app is open. */
export function useInboxCount(enabled: boolean) {
  return useQuery({
    queryKey: inboxKeys.count(),
    queryFn: () => api.get(InboxCountSchema, '/api/inbox/count'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get(CaseDetailSchema, casePath(id)) });
}

/**
 * Take an action at a case's current step. Invalidates the inbox, the case and `alsoInvalidate` (the owning
 * module's own keys, e.g. its list of tolerance cases).
 */
export function useCaseAction(alsoInvalidate: readonly (readonly unknown[])[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CaseActionInput }) =>
      api.post(CaseDetailSchema, `${casePath(id)}/actions`, input),
    onSuccess: async (detail) => {
      qc.setQueryData(caseKeys.detail(detail.case.id), detail);
      await Promise.all([
        qc.invalidateQueries({ queryKey: inboxKeys.all }),
        qc.invalidateQueries({ queryKey: caseKeys.all }),
        ...alsoInvalidate.map((queryKey) => qc.invalidateQueries({ queryKey })),
      ]);
    },
  });
}
