import { describe, expect, it } from 'vitest';
import type { QuotaRule } from '../policy/assessment-section.ts';
import { type GradeOverride, applyOverrides } from './overrides.ts';
import { type ProposalTarget, proposeGrades } from './proposal.ts';
import { SCALE, ballots, group, quotaRule, scheme, split, target } from './test-fixtures.ts';

/** One unit of 10 scored 99 … 90 (all reach 优秀), u-10 insufficient: 11 targets × 20 % = 2.2 → 2 places. */
const one = scheme([group('all', 100, 1, 50)]);
const unit: ProposalTarget[] = [
  ...[99, 98, 97, 96, 95, 94, 93, 92, 91, 90].map((s, i) =>
    target(one, `u-${i}`, 'u', 'town', ballots('all', [split(s)])),
  ),
  target(one, 'u-10', 'u', 'town', []),
];
const decideInsufficient: GradeOverride = {
  targetId: 'u-10',
  grade: 'competent',
  reason: '补充民主测评后确定',
};

function run(rule: QuotaRule, overrides: GradeOverride[], veto = new Map<string, string[]>()) {
  const proposal = proposeGrades({ scale: SCALE, rule, targets: unit, veto });
  return applyOverrides({ scale: SCALE, rule, proposal, overrides: [decideInsufficient, ...overrides] });
}
const codes = (r: ReturnType<typeof applyOverrides>) => r.violations.map((v) => v.code);
const gradeOf = (r: ReturnType<typeof applyOverrides>, id: string) =>
  r.grades.find((g) => g.targetId === id)!;

describe('applyOverrides', () => {
  it('no override: the proposal stands; an undecided insufficient target is GRADE_MISSING', () => {
    const proposal = proposeGrades({ scale: SCALE, rule: quotaRule(), targets: unit });
    const r = applyOverrides({ scale: SCALE, rule: quotaRule(), proposal, overrides: [] });
    expect(r.violations).toEqual([{ code: 'GRADE_MISSING', targetIds: ['u-10'] }]);
    expect(r.quotaChecks).toEqual([
      { level: 'group', key: 'unit:u', count: 2, places: 2, exceptions: [], ok: true },
    ]);
  });

  it('swapping a place within the quota is fine, the reason recorded', () => {
    const r = run(quotaRule(), [
      { targetId: 'u-1', grade: 'competent', reason: '群众反映问题核实' },
      { targetId: 'u-2', grade: 'excellent', reason: '承担重大专项任务' },
    ]);
    expect(r.ok).toBe(true);
    expect(gradeOf(r, 'u-2')).toMatchObject({
      proposed: 'competent',
      grade: 'excellent',
      source: 'override',
      override: { reason: '承担重大专项任务', exceptionApproved: false, approvalRef: null },
    });
    expect(gradeOf(r, 'u-10').grade).toBe('competent');
  });

  it('beyond the quota is refused: QUOTA_EXCEEDED (3 > 2)', () => {
    const r = run(quotaRule(), [{ targetId: 'u-2', grade: 'excellent', reason: '承担重大专项任务' }]);
    expect(r.ok).toBe(false);
    expect(r.violations).toEqual([
      { code: 'QUOTA_EXCEEDED', targetIds: ['u-0', 'u-1', 'u-2'], quotaKey: 'unit:u', count: 3, places: 2 },
    ]);
  });

  it('an approved exception is outside the quota when the rule allows it', () => {
    const over: GradeOverride = {
      targetId: 'u-2',
      grade: 'excellent',
      reason: '抗洪抢险表现突出',
      exceptionApproved: true,
      approvalRef: '区委组织部〔2024〕12号',
    };
    const allowed = run(quotaRule({ allowApprovedException: true }), [over]);
    expect(allowed.ok).toBe(true);
    expect(gradeOf(allowed, 'u-2').quotaException).toBe(true);
    expect(allowed.quotaChecks[0]).toEqual({
      level: 'group',
      key: 'unit:u',
      count: 2,
      places: 2,
      exceptions: ['u-2'],
      ok: true,
    });

    // the rule allows none: the exception is refused and the place counts
    const refused = run(quotaRule({ allowApprovedException: false }), [over]);
    expect(codes(refused)).toEqual(['EXCEPTION_NOT_ALLOWED', 'QUOTA_EXCEEDED']);

    // no approval reference
    const noRef = run(quotaRule({ allowApprovedException: true }), [{ ...over, approvalRef: ' ' }]);
    expect(codes(noRef)).toEqual(['APPROVAL_REF_REQUIRED', 'QUOTA_EXCEEDED']);
  });

  it('a reason is mandatory; unknown targets, grades and duplicates are refused', () => {
    const r = run(quotaRule(), [
      { targetId: 'u-1', grade: 'competent', reason: '  ' },
      { targetId: 'nobody', grade: 'competent', reason: 'x' },
      { targetId: 'u-3', grade: 'good', reason: 'x' }, // 'good' is not in this scale
      { targetId: 'u-4', grade: 'basic', reason: 'a' },
      { targetId: 'u-4', grade: 'incompetent', reason: 'b' },
    ]);
    expect(r.violations).toEqual([
      { code: 'REASON_REQUIRED', targetIds: ['u-1'] },
      { code: 'UNKNOWN_TARGET', targetIds: ['nobody'] },
      { code: 'GRADE_NOT_IN_SCALE', targetIds: ['u-3'] },
      { code: 'DUPLICATE_OVERRIDE', targetIds: ['u-4'] },
    ]);
    // none applied
    expect(['u-1', 'u-3', 'u-4'].map((id) => gradeOf(r, id).source)).toEqual([
      'proposal',
      'proposal',
      'proposal',
    ]);
  });

  it('the quota grade for a vetoed target is refused: VETOED', () => {
    const veto = new Map([['u-0', ['受到党纪处分']]]);
    const r = run(
      quotaRule({ allowApprovedException: true }),
      [
        {
          targetId: 'u-0',
          grade: 'excellent',
          reason: '委员会认为处分不影响',
          exceptionApproved: true,
          approvalRef: 'x',
        },
      ],
      veto,
    );
    expect(r.violations).toEqual([{ code: 'VETOED', targetIds: ['u-0'] }]);
    expect(gradeOf(r, 'u-0')).toMatchObject({ grade: 'competent', source: 'proposal' });
  });

  it('a place left open by an unbroken tie can be given by the committee, once', () => {
    // 15 targets: 99, 98, 95, 95, then 80 × 11 → 15 × 20 % = 3 places: 99, 98, and 95 = 95 for the last one
    const tied: ProposalTarget[] = [99, 98, 95, 95, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80].map((s, i) =>
      target(one, `t-${i}`, 't', 'town', ballots('all', [split(s)])),
    );
    const rule = quotaRule();
    const proposal = proposeGrades({ scale: SCALE, rule, targets: tied });
    expect(proposal.boundaries[0]).toMatchObject({ flagged: ['t-2', 't-3'], placesLeftOpen: 1 });
    const once = applyOverrides({
      scale: SCALE,
      rule,
      proposal,
      overrides: [{ targetId: 't-2', grade: 'excellent', reason: '委员会投票决定' }],
    });
    expect(once.ok).toBe(true);
    expect(once.openTies).toEqual(['t-3']);
    const twice = applyOverrides({
      scale: SCALE,
      rule,
      proposal,
      overrides: [
        { targetId: 't-2', grade: 'excellent', reason: '委员会投票决定' },
        { targetId: 't-3', grade: 'excellent', reason: '委员会投票决定' },
      ],
    });
    expect(codes(twice)).toEqual(['QUOTA_EXCEEDED']);
  });

  it('with pooling, the binding limit is the pool: Σ excess over group places ≤ pooled places', () => {
    // 5 villages of 6 at 15 %: 0 places each, 4 pooled (see proposal.test.ts)
    const village = (v: string, scores: number[]) =>
      scores.map((s, i) => target(one, `${v}-${i + 1}`, v, 'town', ballots('all', [split(s)])));
    const targets = [
      ...village('v1', [98, 95, 80, 79, 78, 77]),
      ...village('v2', [93, 85, 84, 83, 82, 81]),
      ...village('v3', [97, 76, 75, 74, 73, 72]),
      ...village('v4', [89, 88, 87, 86, 71, 70]),
      ...village('v5', [94, 69, 68, 67, 66, 65]),
    ];
    const rule = quotaRule({ share: 15, poolRemainders: true });
    const proposal = proposeGrades({ scale: SCALE, rule, targets });
    const swap = applyOverrides({
      scale: SCALE,
      rule,
      proposal,
      overrides: [
        { targetId: 'v1-2', grade: 'competent', reason: 'r' },
        { targetId: 'v2-1', grade: 'excellent', reason: 'r' },
      ],
    });
    expect(swap.ok).toBe(true);
    expect(swap.quotaChecks.find((c) => c.level === 'pool')).toMatchObject({ count: 4, places: 4, ok: true });
    const extra = applyOverrides({
      scale: SCALE,
      rule,
      proposal,
      overrides: [{ targetId: 'v2-1', grade: 'excellent', reason: 'r' }],
    });
    // excess: v1 2 − 0, v2 1 − 0, v3 1 − 0, v5 1 − 0 → 5 > 4
    expect(extra.violations).toEqual([
      {
        code: 'QUOTA_EXCEEDED',
        targetIds: ['v1-1', 'v1-2', 'v2-1', 'v3-1', 'v5-1'],
        quotaKey: 'parent:town',
        count: 5,
        places: 4,
      },
    ]);
  });
});
