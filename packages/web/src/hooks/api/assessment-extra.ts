import {
  MyBallotListSchema,
  PackDetailSchema,
  PackDiffSchema,
  PackListSchema,
  type PackChange,
  type PackInput,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { assessmentKeys } from './assessment.ts';

/**
 * Assessment hooks beyond the round pages: the district's pack choice, its own pack versions, version
 * diffs, and the signed-in rater's named slips (我的评议).
 */

// ------------------------------------------------------------------ keys

export const assessmentExtraKeys = {
  packDiff: (from: string, to: string) => [...assessmentKeys.packs(), 'diff', from, to] as const,
  myBallots: () => [...assessmentKeys.all, 'my-ballots'] as const,
};

// ------------------------------------------------------------------ packs

/** 选用: the district's pack for new rounds; the list comes back with the new choice marked. */
export function useSelectPack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (packId: string) =>
      (await api.put(PackListSchema, '/api/packs/selected', { packId })).items,
    onSuccess: (items) => {
      qc.setQueryData(assessmentKeys.packs(), items);
      // the versions' `selected` flag changed too
      return qc.invalidateQueries({ queryKey: assessmentKeys.packs(), exact: false });
    },
    meta: { inlineError: true },
  });
}

/**
 * 保存本地版本: the server validates the whole pack (400 PACK_INVALID with `details.problems`, 409 CONFLICT
 * for a shipped version) and answers with the saved version.
 */
export function useSavePack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PackInput) => api.post(PackDetailSchema, '/api/packs', { body }),
    onSuccess: (saved) => {
      qc.setQueryData(assessmentKeys.pack(saved.id), saved);
      return qc.invalidateQueries({ queryKey: assessmentKeys.packs(), exact: true });
    },
    meta: { inlineError: true },
  });
}

/** 版本对比: leaf-by-leaf changes from version `from` to version `to` (database ids). */
export function usePackDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: assessmentExtraKeys.packDiff(from ?? '', to ?? ''),
    queryFn: async () =>
      (
        await api.get(
          PackDiffSchema,
          `/api/packs/${encodeURIComponent(from ?? '')}/diff/${encodeURIComponent(to ?? '')}`,
        )
      ).changes.map(({ path, before, after }): PackChange => ({ path, before, after })),
    enabled: !!from && !!to && from !== to,
    staleTime: 0,
  });
}

/** A problem the server found in a pack body: a JSON pointer and a message. */
export interface PackProblem {
  path: string;
  message: string;
}

/** The problems of a 400 PACK_INVALID answer (empty for other errors). */
export function packProblemsOf(details: unknown): PackProblem[] {
  if (!details || typeof details !== 'object') return [];
  const list = (details as { problems?: unknown }).problems;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is PackProblem =>
      !!p &&
      typeof p === 'object' &&
      typeof (p as PackProblem).path === 'string' &&
      typeof (p as PackProblem).message === 'string',
  );
}

// ------------------------------------------------------------------ my ballots

/** One named slip of the signed-in account; `code` only while it can be used (round open, unused). */
export type { MyBallot } from '@ganbu/core';

/** 我的评议: the slips handed to this account as a named rater. */
export function useMyBallots() {
  return useQuery({
    queryKey: assessmentExtraKeys.myBallots(),
    queryFn: async () => (await api.get(MyBallotListSchema, '/api/assessment/my-ballots')).items,
    staleTime: 0,
  });
}
