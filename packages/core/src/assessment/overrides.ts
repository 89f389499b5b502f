import { appendTo } from './group-by.ts';
import type { GradeScale, QuotaRule } from '../policy/assessment-section.ts';
import type { GradeCode, ProposalResult } from './proposal.ts';

/** A committee decision (考核委员会调整) changing one target's proposed grade. */
export interface GradeOverride {
  targetId: string;
  grade: GradeCode;
  /** mandatory, non-blank */
  reason: string;
  /** 破格: the quota grade beyond the quota, approved — only when the rule allows approved exceptions */
  exceptionApproved?: boolean;
  /** the approval's reference (批复文号), required with `exceptionApproved` */
  approvalRef?: string;
}

export interface OverrideInput {
  scale: GradeScale;
  rule: QuotaRule | null;
  proposal: ProposalResult;
  overrides: readonly GradeOverride[];
}

export type OverrideViolationCode =
  /** the override has no reason — not applied */
  | 'REASON_REQUIRED'
  /** the target is not in the proposal — not applied */
  | 'UNKNOWN_TARGET'
  /** the grade is not in the scale — not applied */
  | 'GRADE_NOT_IN_SCALE'
  /** more than one override for a target — none of them applied */
  | 'DUPLICATE_OVERRIDE'
  /** the quota grade for a target on the veto list — not applied */
  | 'VETOED'
  /** more holders of the quota grade than places in a quota group (or, pooling, than the pool allows) */
  | 'QUOTA_EXCEEDED'
  /** `exceptionApproved` while the rule allows no exception, or on a grade other than the quota grade — applied, counted in the quota */
  | 'EXCEPTION_NOT_ALLOWED'
  /** `exceptionApproved` without an approval reference — applied, counted in the quota */
  | 'APPROVAL_REF_REQUIRED'
  /** a target is left without a grade (insufficient and not decided) */
  | 'GRADE_MISSING';

export interface OverrideViolation {
  code: OverrideViolationCode;
  /** the target(s) concerned */
  targetIds: string[];
  /** the quota group or pool, for QUOTA_EXCEEDED */
  quotaKey?: string;
  count?: number;
  places?: number;
}

export interface FinalGrade {
  targetId: string;
  proposed: GradeCode | null;
  grade: GradeCode | null;
  source: 'proposal' | 'override';
  override: { reason: string; exceptionApproved: boolean; approvalRef: string | null } | null;
  /** holds the quota grade outside the quota (approved exception) */
  quotaException: boolean;
}

/**
 * A quota check. Without pooling, each quota group: count (holders of the quota grade, approved exceptions
 * excluded) ≤ places. With pooling, each pool: Σ over its groups of max(0, count − group places) ≤ pooled
 * places — the same capacity the proposal used; the groups' own lines are listed for the record.
 */
export interface QuotaCheck {
  level: 'group' | 'pool';
  key: string;
  /** group: holders counted; pool: Σ of the groups' excess over their own places */
  count: number;
  places: number;
  exceptions: string[];
  /** false only for the binding checks (groups without pooling, pools with pooling) */
  ok: boolean;
}

export interface OverrideResult {
  ok: boolean;
  grades: FinalGrade[];
  violations: OverrideViolation[];
  quotaChecks: QuotaCheck[];
  /** targets flagged tiedAtBoundary that no override decided (not an error: they keep the fallback grade) */
  openTies: string[];
}

/** Applies committee overrides to a proposal and validates the result against the quota and the veto list. */
export function applyOverrides(input: OverrideInput): OverrideResult {
  const { scale, rule, proposal } = input;
  const violations: OverrideViolation[] = [];
  const byTarget = new Map(proposal.proposals.map((p) => [p.targetId, p]));
  const codes = new Set<string>(scale.grades.map((g) => g.code));

  const perTarget = new Map<string, GradeOverride[]>();
  for (const o of input.overrides) appendTo(perTarget, o.targetId, o);

  const applied = new Map<string, FinalGrade['override'] & { grade: GradeCode; exception: boolean }>();
  for (const [targetId, list] of perTarget) {
    if (list.length > 1) {
      violations.push({ code: 'DUPLICATE_OVERRIDE', targetIds: [targetId] });
      continue;
    }
    const o = list[0]!;
    const p = byTarget.get(targetId);
    if (!p) {
      violations.push({ code: 'UNKNOWN_TARGET', targetIds: [targetId] });
      continue;
    }
    if (o.reason.trim() === '') {
      violations.push({ code: 'REASON_REQUIRED', targetIds: [targetId] });
      continue;
    }
    if (!codes.has(o.grade)) {
      violations.push({ code: 'GRADE_NOT_IN_SCALE', targetIds: [targetId] });
      continue;
    }
    if (o.grade === scale.quotaGrade && p.vetoReasons.length > 0) {
      violations.push({ code: 'VETOED', targetIds: [targetId] });
      continue;
    }
    let exception = false;
    const approvalRef = o.approvalRef?.trim() ? o.approvalRef.trim() : null;
    if (o.exceptionApproved) {
      if (!rule?.allowApprovedException || o.grade !== scale.quotaGrade)
        violations.push({ code: 'EXCEPTION_NOT_ALLOWED', targetIds: [targetId] });
      else if (!approvalRef) violations.push({ code: 'APPROVAL_REF_REQUIRED', targetIds: [targetId] });
      else exception = true;
    }
    applied.set(targetId, {
      grade: o.grade,
      reason: o.reason,
      exceptionApproved: o.exceptionApproved === true,
      approvalRef,
      exception,
    });
  }

  const grades: FinalGrade[] = proposal.proposals.map((p) => {
    const a = applied.get(p.targetId);
    return {
      targetId: p.targetId,
      proposed: p.grade,
      grade: a ? a.grade : p.grade,
      source: a ? 'override' : 'proposal',
      override: a
        ? { reason: a.reason, exceptionApproved: a.exceptionApproved, approvalRef: a.approvalRef }
        : null,
      quotaException: a?.exception === true,
    };
  });
  const missing = grades.filter((g) => g.grade === null).map((g) => g.targetId);
  if (missing.length > 0) violations.push({ code: 'GRADE_MISSING', targetIds: missing });

  const quotaChecks: QuotaCheck[] = [];
  if (rule && proposal.plan) {
    const final = new Map(grades.map((g) => [g.targetId, g]));
    const pooling = proposal.plan.pools.length > 0;
    const excess = new Map<string, { excess: number; holders: string[] }>();
    for (const g of proposal.plan.groups) {
      const holders = g.targetIds.filter((id) => final.get(id)?.grade === scale.quotaGrade);
      const counted = holders.filter((id) => !final.get(id)!.quotaException);
      const exceptions = holders.filter((id) => final.get(id)!.quotaException);
      const ok = pooling || counted.length <= g.count.places;
      quotaChecks.push({
        level: 'group',
        key: g.key,
        count: counted.length,
        places: g.count.places,
        exceptions,
        ok,
      });
      excess.set(g.key, { excess: Math.max(0, counted.length - g.count.places), holders: counted });
      if (!ok)
        violations.push({
          code: 'QUOTA_EXCEEDED',
          targetIds: counted,
          quotaKey: g.key,
          count: counted.length,
          places: g.count.places,
        });
    }
    for (const pool of proposal.plan.pools) {
      const lines = pool.groupKeys.map((k) => excess.get(k)!);
      const count = lines.reduce((s, l) => s + l.excess, 0);
      const exceptions = quotaChecks
        .filter((c) => c.level === 'group' && pool.groupKeys.includes(c.key))
        .flatMap((c) => c.exceptions);
      const ok = count <= pool.pooledPlaces;
      quotaChecks.push({ level: 'pool', key: pool.key, count, places: pool.pooledPlaces, exceptions, ok });
      if (!ok)
        violations.push({
          code: 'QUOTA_EXCEEDED',
          targetIds: lines.filter((l) => l.excess > 0).flatMap((l) => l.holders),
          quotaKey: pool.key,
          count,
          places: pool.pooledPlaces,
        });
    }
  }

  const openTies = proposal.proposals
    .filter((p) => p.tiedAtBoundary && !applied.has(p.targetId))
    .map((p) => p.targetId);
  return { ok: violations.length === 0, grades, violations, quotaChecks, openTies };
}
