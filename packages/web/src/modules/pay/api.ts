import {
  MyPayLinesSchema,
  PayLineListSchema,
  PayRunListSchema,
  PayRunSchema,
  PayWhatIfResultSchema,
  type CreatePayRun,
  type PayWhatIfSchema,
} from '@ganbu/core';
import type { z } from 'zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http, type QueryParams } from '../../lib/http.ts';
import { saveBlob } from '../../lib/save-blob.ts';
import { caseKeys, inboxKeys } from '../inbox/api.ts';

/** Query keys of the pay runs pages: every mutation invalidates the module's keys. */
export const payKeys = {
  all: ['pay'] as const,
  runs: (p: QueryParams) => [...payKeys.all, 'runs', p] as const,
  run: (id: string) => [...payKeys.all, 'run', id] as const,
  lines: (id: string, p: QueryParams) => [...payKeys.all, 'lines', id, p] as const,
  mine: () => [...payKeys.all, 'mine'] as const,
};

const enc = encodeURIComponent;
const runPath = (id: string) => `/api/pay/runs/${enc(id)}`;

export type PayWhatIfInput = z.input<typeof PayWhatIfSchema>;

export const usePayRuns = (p: QueryParams) =>
  useQuery({
    queryKey: payKeys.runs(p),
    queryFn: () => api.get(PayRunListSchema, '/api/pay/runs', p),
    placeholderData: keepPreviousData,
  });

export const usePayRun = (id: string) =>
  useQuery({ queryKey: payKeys.run(id), queryFn: () => api.get(PayRunSchema, runPath(id)) });

/** The lines the caller may see (row-level security narrows a unit's administrator to its own lines). */
export const usePayLines = (id: string, p: QueryParams, enabled = true) =>
  useQuery({
    queryKey: payKeys.lines(id, p),
    queryFn: () => api.get(PayLineListSchema, `${runPath(id)}/lines`, p),
    placeholderData: keepPreviousData,
    enabled,
  });

/** 我的待遇: the signed-in cadre's own lines in approved or paid runs. */
export const useMyPay = () =>
  useQuery({ queryKey: payKeys.mine(), queryFn: () => api.get(MyPayLinesSchema, '/api/pay/mine') });

/**
 * A change of a run may open or move its approval case: the case, the 待办 and the module refresh. Errors
 * are shown by the page itself (a PAY_* rule refusal with its details), so no global toast.
 */
function usePayMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError: true },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: payKeys.all }),
        qc.invalidateQueries({ queryKey: caseKeys.all }),
        qc.invalidateQueries({ queryKey: inboxKeys.all }),
      ]),
  });
}

export const useCreatePayRun = () =>
  usePayMutation((input: CreatePayRun) => api.post(PayRunSchema, '/api/pay/runs', input));
export const useComputePayRun = () =>
  usePayMutation((id: string) => api.post(PayRunSchema, `${runPath(id)}/compute`));
export const useSubmitPayRun = () =>
  usePayMutation(({ id, comment }: { id: string; comment?: string }) =>
    api.post(PayRunSchema, `${runPath(id)}/submit`, comment ? { comment } : {}),
  );
export const useMarkPaid = () =>
  usePayMutation((id: string) => api.post(PayRunSchema, `${runPath(id)}/paid`, {}));

/** What-if: the run's frozen inputs under another pack version; nothing is stored. */
export const useWhatIf = () =>
  useMutation({
    mutationFn: ({ id, input }: { id: string; input: PayWhatIfInput }) =>
      api.post(PayWhatIfResultSchema, `${runPath(id)}/what-if`, input),
    meta: { inlineError: true },
  });

export async function downloadLines(id: string, name: string) {
  saveBlob(await http.getBlob(`${runPath(id)}/lines.xlsx`), `${name}.xlsx`);
}
