import {
  CorrectionInboxSchema,
  CorrectionListSchema,
  CorrectionSchema,
  type CorrectionCreateInput,
  type CorrectionInbox,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

export type CorrectionDecision = 'accepted' | 'rejected';

export const correctionKeys = {
  all: ['cadre-corrections'] as const,
  ofCadre: (cadreId: string) => [...correctionKeys.all, cadreId] as const,
  list: (cadreId: string, reveal: boolean) => [...correctionKeys.ofCadre(cadreId), { reveal }] as const,
};

const cadreCorrectionsPath = (cadreId: string) => `/api/cadres/${encodeURIComponent(cadreId)}/corrections`;

/**
 * 更正申请 of one record, newest first (every status). Proposed phone, health and family values come
 * masked; with `reveal` (the record page's 查看敏感信息) in clear, and the server audits that read, so
 * such an answer is kept only while shown and not re-read behind the user's back (as useCadre does).
 */
export function useCadreCorrections(cadreId: string | undefined, reveal = false, enabled = true) {
  return useQuery({
    queryKey: correctionKeys.list(cadreId ?? '', reveal),
    queryFn: () =>
      api.get(CorrectionListSchema, cadreCorrectionsPath(cadreId ?? ''), reveal ? { reveal: true } : {}),
    enabled: enabled && !!cadreId,
    ...(reveal ? { gcTime: 0, staleTime: Infinity } : {}),
  });
}

/** 申请更正: a cadre asks for one field of their own record to be corrected. */
export function useRequestCorrection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cadreId, input }: { cadreId: string; input: CorrectionCreateInput }) =>
      api.post(CorrectionSchema, cadreCorrectionsPath(cadreId), input),
    onSuccess: (_data, { cadreId }) => qc.invalidateQueries({ queryKey: correctionKeys.ofCadre(cadreId) }),
    // The form shows the server's answer itself.
    meta: { inlineError: true },
  });
}

/**
 * 采纳 / 不予采纳 (once). The server records the decision only; the record itself is corrected
 * through the normal edit (which refreshes the record), so only the list is read again.
 */
export function useDecideCorrection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      status,
      note,
    }: {
      id: string;
      cadreId: string;
      status: CorrectionDecision;
      note: string;
    }) =>
      api.post(CorrectionSchema, `/api/cadre-corrections/${encodeURIComponent(id)}/decision`, {
        status,
        note,
      }),
    // also after a failure: a 409 means someone else decided it, so the list is out of date
    // (the officer's inbox is refreshed too)
    onSettled: () => qc.invalidateQueries({ queryKey: correctionKeys.all }),
    meta: { inlineError: true },
  });
}

export type InboxCorrection = CorrectionInbox['items'][number];

/** The officer's inbox: pending 更正申请 across their data scope, newest first. */
export function usePendingCorrections(enabled = true) {
  return useQuery({
    queryKey: [...correctionKeys.all, 'inbox'] as const,
    queryFn: () => api.get(CorrectionInboxSchema, '/api/cadre-corrections', { status: 'pending' }),
    enabled,
  });
}
