import {
  BorrowingCandidateListSchema,
  BorrowingListSchema,
  BorrowingSchema,
  EstablishmentReportSchema,
  type BorrowingInput,
  type BorrowingReturn,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http, toQueryString, type QueryParams } from '../../../lib/http.ts';
import { saveBlob } from '../../../lib/save-blob.ts';

/** 借调 and 专编专用: the register, the cadre picker, the establishment report (one key family). */
export const staffingKeys = {
  all: ['burden-staffing'] as const,
  list: (p: BorrowingListParams) => [...staffingKeys.all, 'list', p] as const,
  candidates: (q: string) => [...staffingKeys.all, 'candidates', q] as const,
  establishment: (orgId?: string) => [...staffingKeys.all, 'establishment', orgId ?? ''] as const,
};

export interface BorrowingListParams {
  orgId?: string;
  state?: string;
  page: number;
  pageSize: number;
}

export function useBorrowings(p: BorrowingListParams) {
  return useQuery({
    queryKey: staffingKeys.list(p),
    queryFn: () => api.get(BorrowingListSchema, '/api/burden/borrowings', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useBorrowingCandidates(q: string) {
  return useQuery({
    queryKey: staffingKeys.candidates(q),
    queryFn: () => api.get(BorrowingCandidateListSchema, '/api/burden/borrowings/candidates', { q }),
    enabled: q.trim().length > 0,
  });
}

export function useEstablishment(orgId?: string) {
  return useQuery({
    queryKey: staffingKeys.establishment(orgId),
    queryFn: () => api.get(EstablishmentReportSchema, '/api/burden/establishment', { orgId }),
  });
}

export function useRequestBorrowing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BorrowingInput) => api.post(BorrowingSchema, '/api/burden/borrowings', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffingKeys.all }),
    // a refusal by rule is shown in the drawer with the server's explanation
    meta: { inlineError: true },
  });
}

export function useReturnBorrowing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: BorrowingReturn }) =>
      api.post(BorrowingSchema, `/api/burden/borrowings/${encodeURIComponent(id)}/return`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffingKeys.all }),
  });
}

/** Download an export (the same filters as the page). */
export async function downloadXlsx(path: string, query: QueryParams, filename: string): Promise<void> {
  saveBlob(await http.getBlob(`${path}${toQueryString(query)}`), filename);
}
