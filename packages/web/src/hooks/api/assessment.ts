import {
  AssessmentOkSchema,
  PackDetailSchema,
  PackListSchema,
  ReportFileUploadResultSchema,
  RoundCalibrationSchema,
  RoundListSchema,
  RoundResultTargetSchema,
  RoundResultsSchema,
  RoundSchema,
  RoundTargetListSchema,
  TokenIssueResultSchema,
  TurnoutSchema,
  UnitWaiverResultSchema,
  type GradeOverrideInput,
  type ResultsQuery,
  type UnitWaiverInput,
  type RoundAction,
  type RoundCreateInput,
} from '@ganbu/core';
import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

// ------------------------------------------------------------------ result shapes (from the contract)

/** The answers' types come from the routes' response contracts (core `contracts/assessment`). */
export type {
  ExplanationJson,
  Figure,
  GroupTallyJson,
  QuotaSummary,
  ResultsQuery,
  RoundCalibration,
  RoundResults,
  RoundResultTarget as TargetResult,
} from '@ganbu/core';

/** The slips of one issue, as the print page (tokens/) reads them from sessionStorage. */
export interface TokenSheetBatch {
  roundName: string;
  groupName: string;
  unitName?: string;
  codes: string[];
  ballotBaseUrl: string;
}

// ------------------------------------------------------------------ keys

export const assessmentKeys = {
  all: ['assessment'] as const,
  packs: () => [...assessmentKeys.all, 'packs'] as const,
  pack: (id: string) => [...assessmentKeys.packs(), id] as const,
  rounds: () => [...assessmentKeys.all, 'rounds'] as const,
  round: (id: string) => [...assessmentKeys.rounds(), id] as const,
  targets: (id: string) => [...assessmentKeys.round(id), 'targets'] as const,
  turnout: (id: string) => [...assessmentKeys.round(id), 'turnout'] as const,
  results: (id: string) => [...assessmentKeys.round(id), 'results'] as const,
};

const roundPath = (id: string) => `/api/assessment/rounds/${encodeURIComponent(id)}`;

/** The Excel export of a round's results (server-side workbook). */
export const resultsXlsxUrl = (id: string) => `${roundPath(id)}/results.xlsx`;

/** The anonymous ballot export (JSON), for a recount. */
export const ballotsJsonUrl = (id: string) => `${roundPath(id)}/ballots.json`;

// ------------------------------------------------------------------ packs

/** 政策包: every version of every pack; `selected` marks the district's choice. */
export function usePacks() {
  return useQuery({
    queryKey: assessmentKeys.packs(),
    queryFn: async () => (await api.get(PackListSchema, '/api/packs')).items,
    staleTime: 5 * 60_000,
  });
}

/** One pack version with its body. */
export function usePack(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.pack(id ?? ''),
    queryFn: () => api.get(PackDetailSchema, `/api/packs/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

// ------------------------------------------------------------------ rounds

export function useRounds() {
  return useQuery({
    queryKey: assessmentKeys.rounds(),
    queryFn: async () => (await api.get(RoundListSchema, '/api/assessment/rounds')).items,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.round(id ?? ''),
    queryFn: () => api.get(RoundSchema, roundPath(id ?? '')),
    enabled: !!id,
  });
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundCreateInput) => api.post(RoundSchema, '/api/assessment/rounds', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.rounds() }),
    meta: { inlineError: true },
  });
}

export function useRoundTargets(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.targets(id ?? ''),
    queryFn: async () => (await api.get(RoundTargetListSchema, `${roundPath(id ?? '')}/targets`)).items,
    enabled: !!id,
  });
}

/** 述职: the target's report, while the round is not yet closed. */
export function useSaveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, targetId, report }: { roundId: string; targetId: string; report: string }) =>
      api.put(AssessmentOkSchema, `${roundPath(roundId)}/targets/${encodeURIComponent(targetId)}/report`, {
        report,
      }),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.targets(roundId) }),
    meta: { inlineError: true },
  });
}

/** 述职报告 as a file (PDF or Word): upload or replace, remove; the list shows it. */
export function useReportFile() {
  const qc = useQueryClient();
  const refresh = (roundId: string) => qc.invalidateQueries({ queryKey: assessmentKeys.targets(roundId) });
  const upload = useMutation({
    mutationFn: ({ roundId, targetId, file }: { roundId: string; targetId: string; file: File }) =>
      api.putRaw(
        ReportFileUploadResultSchema,
        `${reportFilePath(roundId, targetId)}?name=${encodeURIComponent(file.name)}`,
        file,
        'application/octet-stream',
      ),
    onSuccess: (_d, { roundId }) => refresh(roundId),
    meta: { inlineError: true },
  });
  const remove = useMutation({
    mutationFn: ({ roundId, targetId }: { roundId: string; targetId: string }) =>
      api.delete(AssessmentOkSchema, reportFilePath(roundId, targetId)),
    onSuccess: (_d, { roundId }) => refresh(roundId),
    meta: { inlineError: true },
  });
  return { upload, remove };
}

export const reportFilePath = (roundId: string, targetId: string) =>
  `${roundPath(roundId)}/targets/${encodeURIComponent(targetId)}/report-file`;

/** A round's state changed: the round, the list, the turnout and the results are read again. */
function invalidateRound(qc: QueryClient, roundId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: assessmentKeys.round(roundId) }),
    qc.invalidateQueries({ queryKey: assessmentKeys.rounds(), exact: true }),
  ]);
}

/** 开始 / 结束 / 延长 / 计算 / 公布. */
export function useTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, action }: { roundId: string; action: RoundAction }) =>
      api.post(RoundSchema, `${roundPath(roundId)}/transition`, { action }),
    onSettled: (_d, _e, { roundId }) => invalidateRound(qc, roundId),
    meta: { inlineError: true },
  });
}

// ------------------------------------------------------------------ slips and turnout

/** 发放评议票: the codes come back once. */
export function useIssueTokens() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      roundId,
      ...input
    }: {
      roundId: string;
      groupId: string;
      count: number;
      unitId?: string;
    }) => api.post(TokenIssueResultSchema, `${roundPath(roundId)}/tokens`, input),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.turnout(roundId) }),
    meta: { inlineError: true },
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, code }: { roundId: string; code: string }) =>
      api.post(AssessmentOkSchema, `${roundPath(roundId)}/tokens/revoke`, { code }),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.turnout(roundId) }),
    meta: { inlineError: true },
  });
}

/** Counts per rater group; re-read every `refreshMs` (while the round is open). */
export function useTurnout(id: string | undefined, enabled: boolean, refreshMs: number | false) {
  return useQuery({
    queryKey: assessmentKeys.turnout(id ?? ''),
    queryFn: async () => (await api.get(TurnoutSchema, `${roundPath(id ?? '')}/turnout`)).items,
    enabled: enabled && !!id,
    refetchInterval: refreshMs,
    staleTime: 0,
  });
}

// ------------------------------------------------------------------ results and review

/** The query string of a page of results (only the parameters set). */
function resultsQueryString(query: ResultsQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * One page of a round's results with the round's counts (the server pages, filters and sorts; at most
 * 200 rows a page). The previous page stays on screen while the next one loads.
 */
export function useResults(id: string | undefined, enabled: boolean, query: ResultsQuery = {}) {
  return useQuery({
    queryKey: [...assessmentKeys.results(id ?? ''), query] as const,
    queryFn: () => api.get(RoundResultsSchema, `${roundPath(id ?? '')}/results${resultsQueryString(query)}`),
    enabled: enabled && !!id,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** 名额校准 (the organiser's): the quota summary and the facts its view names, a route of its own. */
export function useCalibration(id: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKeys.results(id ?? ''), 'calibration'] as const,
    queryFn: () => api.get(RoundCalibrationSchema, `${roundPath(id ?? '')}/results/calibration`),
    enabled: !!id,
    staleTime: 0,
  });
}

/** One target's result with its whole explanation (the drawer's), read when the drawer opens. */
export function useTargetResult(roundId: string | undefined, targetId: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKeys.results(roundId ?? ''), 'target', targetId ?? ''] as const,
    queryFn: () => api.get(RoundResultTargetSchema, `${roundPath(roundId ?? '')}/results/${targetId ?? ''}`),
    enabled: !!roundId && !!targetId,
    staleTime: 0,
  });
}

/**
 * The results of several rounds at once (我的考核结果: every published round), a page of 200 each: a
 * cadre's round shows her her own targets only, a unit round its board, of which she owns none.
 */
export function useResultsOf(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...assessmentKeys.results(id), { pageSize: 200 }] as const,
      queryFn: () => api.get(RoundResultsSchema, `${roundPath(id)}/results?pageSize=200`),
    })),
  });
}

/**
 * 人数不足豁免 for some groups of one target, then 计算结果 again so the figures include them (a new
 * computation clears the committee's grade changes, which the dialog says).
 */
export function useWaive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      roundId,
      targetId,
      groupIds,
      reason,
    }: {
      roundId: string;
      targetId: string;
      groupIds: string[];
      reason: string;
    }) => {
      for (const groupId of groupIds)
        await api.post(AssessmentOkSchema, `${roundPath(roundId)}/waivers`, { targetId, groupId, reason });
      return api.post(RoundSchema, `${roundPath(roundId)}/transition`, { action: 'compute' });
    },
    onSettled: (_d, _e, { roundId }) =>
      Promise.all([
        invalidateRound(qc, roundId),
        qc.invalidateQueries({ queryKey: assessmentKeys.results(roundId) }),
      ]),
    meta: { inlineError: true },
  });
}

/** 按单位豁免: one group waived for every short target of a unit's subtree, then the round is computed again. */
export function useWaiveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ roundId, ...input }: UnitWaiverInput & { roundId: string }) => {
      const res = await api.post(UnitWaiverResultSchema, `${roundPath(roundId)}/waivers/unit`, input);
      await api.post(RoundSchema, `${roundPath(roundId)}/transition`, { action: 'compute' });
      return res;
    },
    onSettled: (_d, _e, { roundId }) =>
      Promise.all([
        invalidateRound(qc, roundId),
        qc.invalidateQueries({ queryKey: assessmentKeys.results(roundId) }),
      ]),
    meta: { inlineError: true },
  });
}

/** 调整等次 by the committee (reason required, within the quota unless an approved exception). */
export function useOverrideGrade() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, ...input }: GradeOverrideInput & { roundId: string }) =>
      api.post(AssessmentOkSchema, `${roundPath(roundId)}/grades`, input),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.results(roundId) }),
    meta: { inlineError: true },
  });
}
