import {
  PracticeListSchema,
  PracticePolicySchema,
  PracticePostingSchema,
  type PracticeCreateInput,
  type PracticeUpdateInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

export interface PracticeListParams {
  q?: string;
  kind?: string;
  cadreId?: string;
  status?: 'planned' | 'current' | 'ended';
  page: number;
  pageSize: number;
}

export const practiceKeys = {
  all: ['training', 'practice'] as const,
  policy: () => [...practiceKeys.all, 'policy'] as const,
  list: (p: PracticeListParams) => [...practiceKeys.all, 'list', p] as const,
};

/** The district pack's practice kinds and station rule (shared with the stations page). */
export function usePracticePolicy() {
  return useQuery({
    queryKey: practiceKeys.policy(),
    queryFn: () => api.get(PracticePolicySchema, '/api/training/practice/policy'),
    staleTime: 60_000,
  });
}

export function usePostings(params: PracticeListParams) {
  return useQuery({
    queryKey: practiceKeys.list(params),
    queryFn: () => api.get(PracticeListSchema, '/api/training/practice', { ...params }),
    placeholderData: keepPreviousData,
  });
}

function usePracticeMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: practiceKeys.all }) });
}

export const useCreatePosting = () =>
  usePracticeMutation((input: PracticeCreateInput) =>
    api.post(PracticePostingSchema, '/api/training/practice', input),
  );

export const useUpdatePosting = () =>
  usePracticeMutation(({ id, input }: { id: string; input: PracticeUpdateInput }) =>
    api.patch(PracticePostingSchema, `/api/training/practice/${encodeURIComponent(id)}`, input),
  );
