import type {
  Grade,
  GradeOverrideInput,
  PackDetail,
  PackSummary,
  QuotaRule,
  Round,
  RoundAction,
  RoundCreateInput,
  RoundTarget,
  TieBreak,
  TokenIssueResult,
  Turnout,
} from '@ganbu/core';
import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http.ts';

// ------------------------------------------------------------------ result shapes (JSON of core's engine)

/** An exact rational as the server sends it: the fraction and its rounded decimal (scoreDecimals). */
export interface Figure {
  fraction: string;
  value: string;
}

/** A ballot's score in hundredths (bigints travel as strings). */
interface BallotScoreJson {
  ballotId: string;
  hundredths: string;
}

export interface GroupAggregateJson {
  applied: 'mean' | 'trimmedMean';
  fallback: { reason: 'belowMinBallots'; minBallots: number; ballotCount: number } | null;
  ballotCount: number;
  usedCount: number;
  trimmed: { highest: BallotScoreJson; lowest: BallotScoreJson } | null;
  sumHundredths: string;
  value: Figure | null;
}

/**
 * One rater group's figures for a target; `suppressed` groups carry the count only: too few ballots
 * ('small'), or withheld beside a small group so the total cannot give it away ('complementary').
 */
export interface GroupTallyJson {
  groupId: string;
  name: string;
  ballotCount: number;
  suppressed: boolean;
  suppressedReason?: 'small' | 'complementary';
  minRaters?: number;
  maxRaters?: number;
  empty?: boolean;
  belowMinimum?: boolean;
  aboveMaximum?: boolean;
  waiver?: { reason: string; approvalRef: string | null; applied: boolean } | null;
  counted?: boolean;
  aggregate?: GroupAggregateJson;
  value?: Figure | null;
  weight?: Figure;
  effectiveWeight?: Figure;
  contribution?: Figure | null;
}

export type ProposalReason =
  'score' | 'withinQuota' | 'quota' | 'veto' | 'tiedAtBoundary' | 'insufficient' | 'totalWithheld';

export interface ProposalJson {
  total: Figure | null;
  scoreGrade: string | null;
  grade: string | null;
  reason: ProposalReason;
  vetoReasons: string[];
  quotaGroupKey: string | null;
  placedBy: 'group' | 'pool' | null;
  tiedAtBoundary: boolean;
}

export interface ExplanationJson {
  tally: {
    status: 'sufficient' | 'insufficient';
    insufficientGroups: {
      groupId: string;
      reason: 'belowMinimum' | 'empty';
      ballotCount: number;
      minRaters: number;
    }[];
    aboveMaximum: { groupId: string; ballotCount: number; maxRaters: number }[];
    total: Figure | null;
    /** the total would be a small group's figure: not shown, nor the rank */
    totalWithheld?: boolean;
    /** the suppressed groups' combined contribution (the total minus the shown part) */
    withheldContribution?: Figure | null;
    groups: GroupTallyJson[];
    ballotCount: number;
    explanation: {
      emptyGroup: 'renormalise' | 'insufficient';
      renormalised: { emptyGroups: string[]; countedWeight: Figure } | null;
    };
  };
  rank: { population: number; of: number; unit: number; ofUnit: number } | null;
  proposal: ProposalJson | null;
}

export interface TargetResult {
  id: string;
  name: string;
  post: string;
  unitName: string;
  status: 'sufficient' | 'insufficient' | null;
  total: Figure | null;
  /** a total not published (it would reveal a group below the minimum); `total` is null then */
  totalWithheld?: boolean;
  rank: ExplanationJson['rank'];
  proposedGrade: string | null;
  proposedGradeName: string | null;
  finalGrade: string | null;
  finalGradeName: string | null;
  overrideReason: string | null;
  explanation: ExplanationJson | null;
}

interface QuotaCountJson {
  n: number;
  share: Figure;
  product: Figure;
  rounding: QuotaRule['rounding'];
  places: number;
}

export interface QuotaSummary {
  plan: {
    ruleId: string;
    groupBy: QuotaRule['groupBy'];
    groups: { key: string; targetIds: string[]; count: QuotaCountJson; poolKey: string | null }[];
    pools: {
      key: string;
      level: 'parent' | 'population';
      groupKeys: string[];
      count: QuotaCountJson;
      groupPlaces: number;
      pooledPlaces: number;
    }[];
  } | null;
  allocations: {
    stage: 'group' | 'pool';
    key: string;
    places: number;
    candidates: string[];
    awarded: string[];
    unusedPlaces: number;
  }[];
  boundaries: {
    stage: 'group' | 'pool';
    key: string;
    total: Figure;
    tied: string[];
    placesInContention: number;
    steps: {
      tieBreak: TieBreak;
      values: { targetId: string; value: Figure | null }[];
      outcome: 'applied' | 'skipped';
      won: string[];
      lost: string[];
      stillTied: string[];
    }[];
    awarded: string[];
    flagged: string[];
    placesLeftOpen: number;
  }[];
}

export interface RoundResults {
  round: { id: string; name: string; state: Round['state']; schemeName: string };
  /** the reader runs the round: sees the quota summary and may review */
  organiser: boolean;
  grades: Grade[];
  raterGroups: { id: string; name: string; weight: number }[];
  minGroupSizeShown: number;
  quotaRule: QuotaRule | null;
  summary: QuotaSummary | null;
  targets: TargetResult[];
}

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
    queryFn: async () => (await http.get<{ items: PackSummary[] }>('/api/packs')).items,
    staleTime: 5 * 60_000,
  });
}

/** One pack version with its body. */
export function usePack(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.pack(id ?? ''),
    queryFn: () => http.get<PackDetail>(`/api/packs/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

// ------------------------------------------------------------------ rounds

export function useRounds() {
  return useQuery({
    queryKey: assessmentKeys.rounds(),
    queryFn: async () => (await http.get<{ items: Round[] }>('/api/assessment/rounds')).items,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.round(id ?? ''),
    queryFn: () => http.get<Round>(roundPath(id ?? '')),
    enabled: !!id,
  });
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundCreateInput) => http.post<Round>('/api/assessment/rounds', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.rounds() }),
    meta: { inlineError: true },
  });
}

export function useRoundTargets(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.targets(id ?? ''),
    queryFn: async () => (await http.get<{ items: RoundTarget[] }>(`${roundPath(id ?? '')}/targets`)).items,
    enabled: !!id,
  });
}

/** 述职: the target's report, while the round is not yet closed. */
export function useSaveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, targetId, report }: { roundId: string; targetId: string; report: string }) =>
      http.put<{ ok: true }>(`${roundPath(roundId)}/targets/${encodeURIComponent(targetId)}/report`, {
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
      http.putRaw<{ name: string; size: number }>(
        `${reportFilePath(roundId, targetId)}?name=${encodeURIComponent(file.name)}`,
        file,
        'application/octet-stream',
      ),
    onSuccess: (_d, { roundId }) => refresh(roundId),
    meta: { inlineError: true },
  });
  const remove = useMutation({
    mutationFn: ({ roundId, targetId }: { roundId: string; targetId: string }) =>
      http.delete<{ ok: true }>(reportFilePath(roundId, targetId)),
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
      http.post<Round>(`${roundPath(roundId)}/transition`, { action }),
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
    }) => http.post<TokenIssueResult>(`${roundPath(roundId)}/tokens`, input),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.turnout(roundId) }),
    meta: { inlineError: true },
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, code }: { roundId: string; code: string }) =>
      http.post<{ ok: true }>(`${roundPath(roundId)}/tokens/revoke`, { code }),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.turnout(roundId) }),
    meta: { inlineError: true },
  });
}

/** Counts per rater group; re-read every `refreshMs` (while the round is open). */
export function useTurnout(id: string | undefined, enabled: boolean, refreshMs: number | false) {
  return useQuery({
    queryKey: assessmentKeys.turnout(id ?? ''),
    queryFn: async () => (await http.get<Turnout>(`${roundPath(id ?? '')}/turnout`)).items,
    enabled: enabled && !!id,
    refetchInterval: refreshMs,
    staleTime: 0,
  });
}

// ------------------------------------------------------------------ results and review

export function useResults(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.results(id ?? ''),
    queryFn: () => http.get<RoundResults>(`${roundPath(id ?? '')}/results`),
    enabled: enabled && !!id,
    staleTime: 0,
  });
}

/** The results of several rounds at once (我的考核结果: every published round). */
export function useResultsOf(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: assessmentKeys.results(id),
      queryFn: () => http.get<RoundResults>(`${roundPath(id)}/results`),
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
        await http.post<{ ok: true }>(`${roundPath(roundId)}/waivers`, { targetId, groupId, reason });
      return http.post<Round>(`${roundPath(roundId)}/transition`, { action: 'compute' });
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
      http.post<{ ok: true }>(`${roundPath(roundId)}/grades`, input),
    onSuccess: (_d, { roundId }) => qc.invalidateQueries({ queryKey: assessmentKeys.results(roundId) }),
    meta: { inlineError: true },
  });
}
