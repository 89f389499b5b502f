import { describe, expect, it } from 'vitest';
import { SchemeSchema } from './assessment-section.ts';
import { PackSchema } from './pack.ts';
import { shippedPacks } from './shipped-packs.ts';
import fengze from './packs/fengze.json' with { type: 'json' };

const ASSUMED = { assumed: '测试用：一票一档方案' };
const gradeVote = {
  grades: [
    { code: 'excellent', name: '优秀', pointsHundredths: 10000 },
    { code: 'competent', name: '称职', pointsHundredths: 8000 },
    { code: 'basic', name: '基本称职', pointsHundredths: 6000 },
    { code: 'unfit', name: '不称职', pointsHundredths: 0 },
  ],
  gradesSource: ASSUMED,
  rule: { method: 'points', source: ASSUMED },
};
const group = (id: string, weight: number, method: 'mean' | 'trimmedMean' = 'mean') => ({
  id,
  name: id,
  weight,
  minRaters: 3,
  maxRaters: 50,
  mode: 'bearer',
  aggregation: method === 'mean' ? { method } : { method, minBallots: 5 },
  rates: 'all',
});
const scheme = (over: Record<string, unknown>) => ({
  id: 'grade-test',
  name: '民主测评',
  kind: 'annual',
  targetKind: 'cadre',
  criteria: [{ id: 'overall', name: '总体评价', maxPoints: 100 }],
  raterGroups: [group('a', 40), group('b', 60)],
  emptyGroup: 'insufficient',
  gradeScaleId: 'four',
  quotaRuleId: null,
  scoreDecimals: 2,
  ...over,
});
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('scheme option ballotForm (一票一档)', () => {
  it('absent means the score ballot; a grade scheme keeps its vote grades and rule', () => {
    expect(SchemeSchema.parse(scheme({})).ballotForm).toBeUndefined();
    const parsed = SchemeSchema.parse(scheme({ ballotForm: 'grade', gradeVote }));
    expect(parsed.ballotForm).toBe('grade');
    expect(parsed.gradeVote?.grades.map((g) => g.name)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(parsed.gradeVote?.rule.method).toBe('points');
  });

  it('refuses a grade scheme without vote grades, with two criteria, or with a trimmed mean', () => {
    expect(messages(SchemeSchema.safeParse(scheme({ ballotForm: 'grade' })))).toEqual([
      '等次票（一票一档）方案须设票面等次和计票规则',
    ]);
    expect(
      messages(
        SchemeSchema.safeParse(
          scheme({
            ballotForm: 'grade',
            gradeVote,
            criteria: [
              { id: 'a', name: '德', maxPoints: 50 },
              { id: 'b', name: '能', maxPoints: 50 },
            ],
          }),
        ),
      ),
    ).toEqual(['等次票方案只设一项总体评价指标（100 分）']);
    expect(
      messages(
        SchemeSchema.safeParse(
          scheme({
            ballotForm: 'grade',
            gradeVote,
            raterGroups: [group('a', 40), group('b', 60, 'trimmedMean')],
          }),
        ),
      ),
    ).toEqual(['等次票方案的评议组按全部有效票计算，不去掉最高最低票']);
  });

  it('takes a thresholds rule whose result grades are the scale’s, named as the scale names them', () => {
    const raw = structuredClone(fengze) as unknown as {
      assessment: {
        schemes: { id: string; gradeVote?: { rule: { results: { grade: string; name: string }[] } } }[];
      };
    };
    expect(PackSchema.safeParse(raw).success).toBe(true);
    const results = raw.assessment.schemes.find((x) => x.id === 'example-grade-shares')!.gradeVote!.rule
      .results;
    results[0]!.name = '优';
    results[1]!.grade = 'good';
    expect(messages(PackSchema.safeParse(raw))).toEqual([
      '等次名称须与等次表一致：excellent 在等次表 civil-servant-four 中称“优秀”',
      '等次表 civil-servant-four 中没有等次 good',
    ]);
  });

  it('refuses vote grades on a score scheme and an unknown ballot form', () => {
    expect(messages(SchemeSchema.safeParse(scheme({ gradeVote })))).toEqual([
      '只有等次票（一票一档）方案才设票面等次',
    ]);
    expect(SchemeSchema.safeParse(scheme({ ballotForm: 'stars' })).success).toBe(false);
  });

  it('refuses a criterion tie-break on a grade scheme (it has no criterion points)', () => {
    const raw = structuredClone(fengze) as unknown as {
      assessment: { quotaRules: { id: string; tieBreak: unknown[] }[] };
    };
    raw.assessment.quotaRules.find((q) => q.id === 'street-excellent')!.tieBreak = [
      { by: 'criterionScore', criterionId: 'overall' },
    ];
    const issues = messages(PackSchema.safeParse(raw));
    expect(issues).toContain('等次票方案 example-grade-ballot 没有分项得分，不能按指标得分处理并列');
  });

  it('ships the example grade scheme in the Fengze pack (clearly named: no seed gives grade-vote figures)', () => {
    const pack = shippedPacks().find((p) => p.id === 'fengze')!;
    const s = pack.assessment.schemes.find((x) => x.id === 'example-grade-ballot')!;
    expect(s.name).toBe('街道干部民主测评（一票一档，示例）');
    expect(s.ballotForm).toBe('grade');
    expect(s.gradeVote?.grades.map((g) => [g.name, g.pointsHundredths])).toEqual([
      ['优秀', 10000],
      ['称职', 8000],
      ['基本称职', 6000],
      ['不称职', 0],
    ]);
  });

  it('ships an example that proposes the grade from the vote shares (按票率定等次)', () => {
    const pack = shippedPacks().find((p) => p.id === 'fengze')!;
    const s = pack.assessment.schemes.find((x) => x.id === 'example-grade-shares')!;
    expect(s.name).toBe('街道干部民主测评（一票一档，按票率定等次，示例）');
    const rule = s.gradeVote?.rule;
    expect(rule?.method === 'thresholds' && rule.results.map((r) => [r.grade, r.when.length])).toEqual([
      ['excellent', 1],
      ['incompetent', 1],
      ['basic', 1],
      ['competent', 0],
    ]);
    expect('assumed' in rule!.source).toBe(true);
  });
});
