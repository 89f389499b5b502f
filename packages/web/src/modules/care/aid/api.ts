import {
  AidCaseDetailSchema,
  AidListSchema,
  type AidCaseCreate,
  type AidClose,
  type AidItemDone,
  type AidVisitCreate,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** 困难帮扶: the case list and one case (one key family, invalidated together). */
export const aidKeys = {
  all: ['care-aid'] as const,
  list: (p: AidListParams) => [...aidKeys.all, 'list', p] as const,
  one: (id: string, reveal: boolean) => [...aidKeys.all, 'one', id, reveal] as const,
};

export interface AidListParams {
  state?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const enc = encodeURIComponent;

export function useAidCases(p: AidListParams) {
  return useQuery({
    queryKey: aidKeys.list(p),
    queryFn: () => api.get(AidListSchema, '/api/care/aid/cases', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useAidCase(id: string | null, reveal: boolean) {
  return useQuery({
    queryKey: aidKeys.one(id ?? '', reveal),
    queryFn: () =>
      api.get(
        AidCaseDetailSchema,
        `/api/care/aid/cases/${enc(id ?? '')}`,
        reveal ? { reveal: '1' } : undefined,
      ),
    enabled: id !== null,
  });
}

function useAidMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: aidKeys.all }) });
}

export const useOpenAidCase = () =>
  useAidMutation((input: AidCaseCreate) => api.post(AidCaseDetailSchema, '/api/care/aid/cases', input));

export const useMarkAidItem = () =>
  useAidMutation(({ caseId, itemId, input }: { caseId: string; itemId: string; input: AidItemDone }) =>
    api.post(AidCaseDetailSchema, `/api/care/aid/cases/${enc(caseId)}/items/${enc(itemId)}`, input),
  );

export const useAddAidVisit = () =>
  useAidMutation(({ caseId, input }: { caseId: string; input: AidVisitCreate }) =>
    api.post(AidCaseDetailSchema, `/api/care/aid/cases/${enc(caseId)}/visits`, input),
  );

export const useCloseAidCase = () =>
  useAidMutation(({ caseId, input }: { caseId: string; input: AidClose }) =>
    api.post(AidCaseDetailSchema, `/api/care/aid/cases/${enc(caseId)}/close`, input),
  );
