import {
  HonourBatchDetailSchema,
  HonourBatchListSchema,
  HonourBoardSchema,
  HonourPolicyViewSchema,
  HonourProposalListSchema,
  WorkingDaysSchema,
  type HonourBatchCreate,
  type HonourBatchState,
  type HonourDecide,
  type HonourNominationCreate,
  type HonourObjectionCreate,
  type HonourObjectionResolve,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http } from '../../lib/http.ts';
import { saveBlob } from '../../lib/save-blob.ts';

/** Commendation batches and the hero board (one key family, invalidated together after any write). */
export const honourKeys = {
  all: ['honours'] as const,
  policy: () => [...honourKeys.all, 'policy'] as const,
  batches: (p: BatchListParams) => [...honourKeys.all, 'batches', p] as const,
  batch: (id: string) => [...honourKeys.all, 'batch', id] as const,
  proposals: (id: string) => [...honourKeys.all, 'proposals', id] as const,
  board: (year: number) => [...honourKeys.all, 'board', year] as const,
};

export interface BatchListParams {
  year?: number;
  state?: HonourBatchState;
  page: number;
  pageSize: number;
}

const enc = (s: string) => encodeURIComponent(s);
const batchPath = (id: string) => `/api/honours/batches/${enc(id)}`;

/** The pack's kinds, quotas, 公示 days and proposal rules (the district's pack in force). */
export function useHonourPolicy() {
  return useQuery({
    queryKey: honourKeys.policy(),
    queryFn: () => api.get(HonourPolicyViewSchema, '/api/honours/policy'),
  });
}

export function useHonourBatches(p: BatchListParams) {
  return useQuery({
    queryKey: honourKeys.batches(p),
    queryFn: () => api.get(HonourBatchListSchema, '/api/honours/batches', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useHonourBatch(id: string) {
  return useQuery({
    queryKey: honourKeys.batch(id),
    queryFn: () => api.get(HonourBatchDetailSchema, batchPath(id)),
  });
}

export function useHonourProposals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: honourKeys.proposals(id),
    queryFn: () => api.get(HonourProposalListSchema, `${batchPath(id)}/proposals`),
    enabled,
  });
}

export function useHonourBoard(year: number) {
  return useQuery({
    queryKey: honourKeys.board(year),
    queryFn: () => api.get(HonourBoardSchema, '/api/honours/board', { year }),
  });
}

/**
 * The 公示 period before it starts: `days` working days from `from` on the district's calendar (the same
 * calendar the server ends the notice by), with the days off it steps over.
 */
export function useNoticePeriod(from: string | undefined, days: number) {
  return useQuery({
    queryKey: ['calendar', 'period', from ?? '', days],
    queryFn: () => api.get(WorkingDaysSchema, '/api/calendar/working-days', { from, n: days }),
    enabled: !!from && days > 0,
    retry: false,
  });
}

function useHonourMutation<V, R>(mutationFn: (vars: V) => Promise<R>, inlineError = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError },
    onSuccess: () => qc.invalidateQueries({ queryKey: honourKeys.all }),
  });
}

export const useCreateBatch = () =>
  useHonourMutation((input: HonourBatchCreate) =>
    api.post(HonourBatchDetailSchema, '/api/honours/batches', input),
  );

export const useOpenBatch = () =>
  useHonourMutation((id: string) => api.post(HonourBatchDetailSchema, `${batchPath(id)}/open`, {}));

export const useCancelBatch = () =>
  useHonourMutation((id: string) => api.post(HonourBatchDetailSchema, `${batchPath(id)}/cancel`, {}));

/** Nominating shows its refusal (名额已满, 资格不符 with the engine's reasons) in place, not as a toast. */
export const useNominate = () =>
  useHonourMutation(
    ({ batchId, input }: { batchId: string; input: HonourNominationCreate }) =>
      api.post(HonourBatchDetailSchema, `${batchPath(batchId)}/nominations`, input),
    true,
  );

export const useWithdrawNomination = () =>
  useHonourMutation(({ batchId, nominationId }: { batchId: string; nominationId: string }) =>
    api.post(HonourBatchDetailSchema, `${batchPath(batchId)}/nominations/${enc(nominationId)}/withdraw`, {}),
  );

/** 提交公示: refused (shown in place) while a unit is over its quota. */
export const useStartNotice = () =>
  useHonourMutation(
    ({ batchId, startOn }: { batchId: string; startOn: string }) =>
      api.post(HonourBatchDetailSchema, `${batchPath(batchId)}/notice`, { startOn }),
    true,
  );

export const useRecordObjection = () =>
  useHonourMutation(({ batchId, input }: { batchId: string; input: HonourObjectionCreate }) =>
    api.post(HonourBatchDetailSchema, `${batchPath(batchId)}/objections`, input),
  );

export const useResolveObjection = () =>
  useHonourMutation(
    ({
      batchId,
      objectionId,
      input,
    }: {
      batchId: string;
      objectionId: string;
      input: HonourObjectionResolve;
    }) =>
      api.post(
        HonourBatchDetailSchema,
        `${batchPath(batchId)}/objections/${enc(objectionId)}/resolve`,
        input,
      ),
  );

/** 作出表彰决定: refused (shown in place) while the 公示 runs or an objection is open. */
export const useDecideBatch = () =>
  useHonourMutation(
    ({ batchId, input }: { batchId: string; input: HonourDecide }) =>
      api.post(HonourBatchDetailSchema, `${batchPath(batchId)}/decide`, input),
    true,
  );

/** 表彰通报 of a decided batch (Word), saved under the batch's name. */
export async function downloadNotice(batch: { id: string; name: string }): Promise<void> {
  saveBlob(await http.getBlob(`${batchPath(batch.id)}/notice.docx`), `${batch.name}.docx`);
}
