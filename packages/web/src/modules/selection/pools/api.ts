import {
  PoolDueReviewListSchema,
  PoolEntryCheckAnswerSchema,
  PoolMemberSchema,
  PoolOverviewSchema,
  type PoolKind,
  type PoolLeave,
  type PoolMemberPatch,
  type PoolNominate,
  type PoolReviewResult,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

export const poolKeys = {
  all: ['pools'] as const,
  overview: (kind: PoolKind) => [...poolKeys.all, 'overview', kind] as const,
  due: (kind: PoolKind) => [...poolKeys.all, 'due', kind] as const,
  check: (q: object) => [...poolKeys.all, 'check', q] as const,
};

const member = (id: string) => `/api/pools/members/${encodeURIComponent(id)}`;

export function usePoolOverview(kind: PoolKind) {
  return useQuery({
    queryKey: poolKeys.overview(kind),
    queryFn: () => api.get(PoolOverviewSchema, '/api/pools', { kind }),
  });
}

export function useDueReviews(kind: PoolKind) {
  return useQuery({
    queryKey: poolKeys.due(kind),
    queryFn: () => api.get(PoolDueReviewListSchema, '/api/pools/reviews', { kind, withinDays: 90 }),
  });
}

/** What a nomination would find (conditions, unit, quota), once a cadre and a level are chosen. */
export function useEntryCheck(q: {
  cadreId?: string | undefined;
  kind: PoolKind;
  level?: string | undefined;
}) {
  return useQuery({
    queryKey: poolKeys.check(q),
    queryFn: () =>
      api.get(PoolEntryCheckAnswerSchema, '/api/pools/entry-check', {
        cadreId: q.cadreId,
        kind: q.kind,
        level: q.level,
      }),
    enabled: Boolean(q.cadreId && q.level),
    staleTime: 0,
  });
}

function usePoolMutation<V, R>(mutationFn: (vars: V) => Promise<R>, inlineError = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError },
    onSuccess: () => qc.invalidateQueries({ queryKey: poolKeys.all }),
  });
}

export const useNominate = () =>
  usePoolMutation((input: PoolNominate) => api.post(PoolMemberSchema, '/api/pools/members', input), true);

export const useLeave = () =>
  usePoolMutation(({ id, input }: { id: string; input: PoolLeave }) =>
    api.post(PoolMemberSchema, `${member(id)}/leave`, input),
  );

export const usePatchMember = () =>
  usePoolMutation(({ id, input }: { id: string; input: PoolMemberPatch }) =>
    api.patch(PoolMemberSchema, member(id), input),
  );

export const useRecordReview = () =>
  usePoolMutation(({ id, reviewId, input }: { id: string; reviewId: string; input: PoolReviewResult }) =>
    api.post(PoolMemberSchema, `${member(id)}/reviews/${encodeURIComponent(reviewId)}`, input),
  );
