import { describe, expect, it } from 'vitest';
import { PackSchema, packInForce } from '../policy/pack.ts';
import { shippedPacks } from '../policy/shipped-packs.ts';
import { addMonths } from './dates.ts';
import {
  earlyWarnings,
  eligibility,
  eligibilityMany,
  type ClarificationFact,
  type EligibilityFacts,
  type RecordFact,
  type ToleranceFact,
} from './engine.ts';
import { explainAnswer, explainReason, explainWarning } from './explain.ts';

const fengze = packInForce(
  shippedPacks().filter((p) => p.id === 'fengze'),
  '2026-06-01',
)!;

const CADRE = 'c-1';
const admonished: RecordFact = {
  id: 'r-admonish',
  cadreId: CADRE,
  kind: 'admonishment',
  grade: null,
  decidedOn: '2026-03-02',
  documentNo: '丰组〔2026〕3号',
  revokedOn: null,
};

function decision(outcome: ToleranceFact['outcome'], decidedOn = '2026-05-10'): ToleranceFact {
  return {
    id: `t-${outcome}`,
    cadreId: CADRE,
    outcome,
    decidedOn,
    documentNo: '丰容〔2026〕1号',
    recordIds: [admonished.id],
  };
}

function facts(p: Partial<Omit<EligibilityFacts, 'cadre'>> = {}): EligibilityFacts {
  return { cadre: { id: CADRE }, records: [admonished], tolerance: [], clarifications: [], ...p };
}

const ADMONISH_SOURCE = '《关于对党员领导干部进行诫勉的规定》（2019）条款待核';

describe('[eligibility] dates', () => {
  it('adds months to the corresponding day, the month end where there is none', () => {
    expect(addMonths('2026-03-02', 6)).toBe('2026-09-02');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-02-20', -12)).toBe('2025-02-20');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });
});

describe('[eligibility] 诫勉 on 2026-03-02 (the issue worked example)', () => {
  it('blocks promotion through 2026-09-02; 2026-09-03 is the first eligible day', () => {
    // 6 months counted from the day after the decision: the corresponding day 2026-09-02 is the period's
    // last day, so the effect applies on it and ends with it
    const onLastDay = eligibility(facts(), fengze, '2026-09-02', 'promotion');
    expect(onLastDay.eligible).toBe(false);
    expect(onLastDay.reasons).toEqual([
      {
        rule: 'admonishment_promotion',
        ruleText: '受到诫勉的，六个月内不得提拔或者进一步使用',
        effect: { type: 'months', months: 6 },
        from: '2026-03-02',
        until: '2026-09-02',
        record: {
          id: 'r-admonish',
          kind: 'admonishment',
          kindName: '诫勉',
          grade: null,
          gradeName: null,
          decidedOn: '2026-03-02',
          documentNo: '丰组〔2026〕3号',
        },
        source: fengze.discipline!.effects.find((e) => e.id === 'admonishment_promotion')!.source,
        counts: true,
      },
    ]);
    expect(explainReason(onLastDay.reasons[0]!)).toBe(
      `诫勉（2026-03-02，文号 丰组〔2026〕3号）：受到诫勉的，六个月内不得提拔或者进一步使用——影响至 2026-09-02，2026-09-03 起不再影响（依据${ADMONISH_SOURCE}）`,
    );
    expect(eligibility(facts(), fengze, '2026-09-03', 'promotion')).toEqual({
      eligible: true,
      purpose: 'promotion',
      date: '2026-09-03',
      reasons: [],
    });
    // the day before the decision nothing was known
    expect(eligibility(facts(), fengze, '2026-03-01', 'promotion').eligible).toBe(true);
    expect(eligibility(facts(), fengze, '2026-03-02', 'promotion').eligible).toBe(false);
  });

  it('blocks 优秀 for the whole of 2026 (as of 2026-12-31), not for 2027', () => {
    const a = eligibility(facts(), fengze, '2026-12-31', 'excellent');
    expect(a.eligible).toBe(false);
    expect(a.reasons.map((r) => [r.rule, r.until, r.counts])).toEqual([
      ['admonishment_year', '2026-12-31', true],
    ]);
    expect(explainReason(a.reasons[0]!, { facts: false })).toBe(
      `受到诫勉的，取消当年年度考核评优和评选各类先进的资格——影响至 2026-12-31，2027-01-01 起不再影响（依据${ADMONISH_SOURCE}）`,
    );
    expect(eligibility(facts(), fengze, '2027-01-01', 'excellent').eligible).toBe(true);
    // honours follow the same rule; a bonus is not touched by 诫勉
    expect(eligibility(facts(), fengze, '2026-12-31', 'honour').eligible).toBe(false);
    expect(eligibility(facts(), fengze, '2026-04-01', 'bonus')).toMatchObject({
      eligible: true,
      reasons: [],
    });
  });

  it('exempted by a 免责 decision of 2026-05-10: eligible on 2026-06-01 with the exemption shown', () => {
    const f = facts({ tolerance: [decision('exempt')] });
    const a = eligibility(f, fengze, '2026-06-01', 'promotion');
    expect(a.eligible).toBe(true);
    expect(a.reasons).toHaveLength(1);
    expect(a.reasons[0]).toMatchObject({
      rule: 'admonishment_promotion',
      counts: false,
      exemption: { outcome: 'exempt', decidedOn: '2026-05-10', documentNo: '丰容〔2026〕1号' },
      source: fengze.discipline!.tolerance.exemptSource,
    });
    expect(explainReason(a.reasons[0]!)).toBe(
      '诫勉（2026-03-02，文号 丰组〔2026〕3号）经容错免责决定（2026-05-10，文号 丰容〔2026〕1号）免责，不再计入：' +
        '受到诫勉的，六个月内不得提拔或者进一步使用（依据《关于进一步激励广大干部新时代新担当新作为的意见》（2018）条款待核）',
    );
    expect(explainAnswer(a)).toBe('2026-06-01 可提拔');
    // 优秀 for 2026 is restored too
    expect(eligibility(f, fengze, '2026-12-31', 'excellent').eligible).toBe(true);
  });

  it('before the 免责 decision (2026-04-01, and the day before it) the record still counts', () => {
    const f = facts({ tolerance: [decision('exempt')] });
    for (const date of ['2026-04-01', '2026-05-09']) {
      const a = eligibility(f, fengze, date, 'promotion');
      expect(a.eligible).toBe(false);
      expect(a.reasons[0]).not.toHaveProperty('exemption');
    }
    expect(eligibility(f, fengze, '2026-05-10', 'promotion').eligible).toBe(true);
  });

  it('从轻 keeps 6 × 75 % = 4.5 → 5 months (through 2026-08-02) and the 优秀 bar of the year', () => {
    const f = facts({ tolerance: [decision('lighter')] });
    const last = eligibility(f, fengze, '2026-08-02', 'promotion');
    expect(last.eligible).toBe(false);
    expect(last.reasons[0]).toMatchObject({
      effect: { type: 'months', months: 5 },
      until: '2026-08-02',
      counts: true,
      exemption: { outcome: 'lighter' },
    });
    const after = eligibility(f, fengze, '2026-08-03', 'promotion');
    expect(after.eligible).toBe(true);
    expect(after.reasons[0]).toMatchObject({ counts: false, until: '2026-08-02' });
    expect(eligibility(f, fengze, '2026-12-31', 'excellent').eligible).toBe(false);
  });

  it('减轻 halves it to 3 months (through 2026-06-02) and lifts the 优秀 bar', () => {
    const f = facts({ tolerance: [decision('mitigated')] });
    expect(eligibility(f, fengze, '2026-06-02', 'promotion').eligible).toBe(false);
    expect(eligibility(f, fengze, '2026-06-03', 'promotion').eligible).toBe(true);
    const ex = eligibility(f, fengze, '2026-12-31', 'excellent');
    expect(ex.eligible).toBe(true);
    expect(ex.reasons[0]).toMatchObject({ counts: false, exemption: { outcome: 'mitigated' } });
  });

  it('不予容错 changes nothing; an undecided case changes nothing', () => {
    const refused = eligibility(
      facts({ tolerance: [decision('refused')] }),
      fengze,
      '2026-06-01',
      'promotion',
    );
    expect(refused.eligible).toBe(false);
    expect(refused.reasons[0]).not.toHaveProperty('exemption');
    const open = { ...decision('exempt'), outcome: null, decidedOn: null, documentNo: null };
    expect(eligibility(facts({ tolerance: [open] }), fengze, '2026-06-01', 'promotion').eligible).toBe(false);
  });

  it('a revoked record shows nothing from its revocation on; before it, it counted', () => {
    const revoked = { ...admonished, revokedOn: '2026-04-01' };
    expect(eligibility(facts({ records: [revoked] }), fengze, '2026-04-01', 'promotion')).toMatchObject({
      eligible: true,
      reasons: [],
    });
    expect(eligibility(facts({ records: [revoked] }), fengze, '2026-03-31', 'promotion').eligible).toBe(
      false,
    );
  });
});

describe('[eligibility] clarification (澄清)', () => {
  const report = (p: Partial<ClarificationFact>): ClarificationFact => ({
    id: 'k-1',
    cadreId: CADRE,
    receivedOn: '2026-02-01',
    conclusion: null,
    concludedOn: null,
    ...p,
  });

  it('a report concluded 不实 leaves no trace at all', () => {
    const f = facts({
      records: [],
      clarifications: [report({ conclusion: 'unfounded', concludedOn: '2026-03-15' })],
    });
    for (const purpose of ['promotion', 'rank', 'excellent', 'honour', 'reserve', 'bonus'])
      expect(eligibility(f, fengze, '2026-04-01', purpose)).toEqual({
        eligible: true,
        purpose,
        date: '2026-04-01',
        reasons: [],
      });
  });

  it('while under verification it holds promotion and reserve back, nothing else', () => {
    const f = facts({
      records: [],
      clarifications: [report({ conclusion: 'unfounded', concludedOn: '2026-03-15' })],
    });
    const pending = eligibility(f, fengze, '2026-03-14', 'promotion');
    expect(pending.eligible).toBe(false);
    expect(pending.reasons.map((r) => [r.rule, r.from, r.until, r.counts])).toEqual([
      ['pending_report', '2026-02-01', null, true],
    ]);
    expect(explainReason(pending.reasons[0]!)).toBe(
      '反映问题（2026-02-01 收到）尚未核查清楚：反映的问题线索尚未核查清楚的，暂缓提拔和列为后备（依据《党政领导干部选拔任用工作条例》（2019）条款待核）',
    );
    expect(eligibility(f, fengze, '2026-03-14', 'reserve').eligible).toBe(false);
    expect(eligibility(f, fengze, '2026-03-14', 'excellent').eligible).toBe(true);
    expect(eligibility(f, fengze, '2026-01-31', 'promotion').eligible).toBe(true);
  });
});

describe('[eligibility] other kinds and grades', () => {
  const rec = (kind: string, grade: string | null, decidedOn: string): RecordFact => ({
    id: `${kind}-${grade}`,
    cadreId: CADRE,
    kind,
    grade,
    decidedOn,
    documentNo: '',
    revokedOn: null,
  });
  const until = (r: RecordFact, date: string, purpose = 'promotion') =>
    eligibility(facts({ records: [r] }), fengze, date, purpose).reasons.map((x) => [
      x.rule,
      x.until,
      x.counts,
    ]);

  it('党内警告 1 year, 严重警告 18 months, and no 优秀 in the year of either', () => {
    expect(until(rec('party_discipline', 'warning', '2025-07-15'), '2026-07-15')).toEqual([
      ['party_warning_promotion', '2026-07-15', true],
    ]);
    expect(until(rec('party_discipline', 'warning', '2025-07-15'), '2026-07-16')).toEqual([]);
    expect(until(rec('party_discipline', 'serious_warning', '2025-07-15'), '2027-01-15')).toEqual([
      ['party_serious_warning_promotion', '2027-01-15', true],
    ]);
    expect(
      until(rec('party_discipline', 'serious_warning', '2025-07-15'), '2025-12-31', 'excellent'),
    ).toEqual([['party_discipline_year', '2025-12-31', true]]);
  });

  it('政务处分 警告 6 / 记过 12 / 记大过 18 / 降级、撤职 24 months; rank too; 开除 for good', () => {
    expect(until(rec('government_sanction', 'warning', '2026-08-31'), '2027-02-28', 'rank')).toEqual([
      ['gov_warning', '2027-02-28', true],
    ]);
    expect(until(rec('government_sanction', 'demerit', '2026-01-31'), '2027-01-31')[0]![1]).toBe(
      '2027-01-31',
    );
    expect(until(rec('government_sanction', 'major_demerit', '2026-01-31'), '2026-02-01')[0]![1]).toBe(
      '2027-07-31',
    );
    expect(until(rec('government_sanction', 'downgrade', '2026-01-31'), '2026-02-01')[0]![1]).toBe(
      '2028-01-31',
    );
    expect(until(rec('government_sanction', 'removal', '2026-01-31'), '2026-02-01')[0]![1]).toBe(
      '2028-01-31',
    );
    expect(until(rec('government_sanction', 'expulsion', '2020-01-01'), '2046-01-01')).toEqual([
      ['gov_expulsion', null, true],
    ]);
  });

  it('组织处理 调整职务 1 year, 降职 2 years; 提醒 and 函询 block nothing', () => {
    expect(until(rec('org_handling', 'post_adjustment', '2026-01-10'), '2026-06-01')).toEqual([
      ['org_adjustment_promotion', '2027-01-10', true],
    ]);
    expect(until(rec('org_handling', 'demotion', '2026-01-10'), '2026-06-01')).toEqual([
      ['org_demotion_promotion', '2028-01-10', true],
    ]);
    for (const purpose of ['promotion', 'rank', 'excellent', 'honour', 'reserve', 'bonus']) {
      expect(until(rec('reminder', null, '2026-01-10'), '2026-01-11', purpose)).toEqual([]);
      expect(until(rec('inquiry', null, '2026-01-10'), '2026-01-11', purpose)).toEqual([]);
    }
  });

  it('explains without facts for readers who may not see them', () => {
    const a = eligibility(facts(), fengze, '2026-04-01', 'promotion');
    expect(explainAnswer(a, { facts: false })).toBe(
      `2026-04-01 不可提拔：受到诫勉的，六个月内不得提拔或者进一步使用——影响至 2026-09-02，2026-09-03 起不再影响（依据${ADMONISH_SOURCE}）`,
    );
  });
});

describe('[eligibility] batch', () => {
  it('answers many cadres exactly as one at a time', () => {
    const other: RecordFact = { ...admonished, id: 'r-2', cadreId: 'c-2', decidedOn: '2026-05-01' };
    const batch = eligibilityMany(
      {
        cadreIds: [CADRE, 'c-2', 'c-3'],
        records: [admonished, other],
        tolerance: [decision('exempt')],
        clarifications: [],
      },
      fengze,
      '2026-06-01',
      'promotion',
    );
    expect([...batch.keys()]).toEqual([CADRE, 'c-2', 'c-3']);
    expect(batch.get(CADRE)).toEqual(
      eligibility(facts({ tolerance: [decision('exempt')] }), fengze, '2026-06-01', 'promotion'),
    );
    expect(batch.get('c-2')!.eligible).toBe(false);
    expect(batch.get('c-3')).toEqual({
      eligible: true,
      purpose: 'promotion',
      date: '2026-06-01',
      reasons: [],
    });
  });
});

describe('[eligibility] early warning', () => {
  const reminder = (id: string, decidedOn: string): RecordFact => ({
    id,
    cadreId: CADRE,
    kind: 'reminder',
    grade: null,
    decidedOn,
    documentNo: '',
    revokedOn: null,
  });

  it('two 提醒 within 12 months flag, to 组织部 and 纪检联络', () => {
    const flags = earlyWarnings(
      facts({ records: [reminder('a', '2025-03-01'), reminder('b', '2026-02-15')] }),
      fengze,
      '2026-02-20',
    );
    expect(flags.map((f) => [f.rule, f.records.map((r) => r.id), f.notify])).toEqual([
      ['reminders_in_year', ['a', 'b'], ['orgdept', 'discipline']],
    ]);
    expect(explainWarning(flags[0]!)).toBe(
      '十二个月内两次被提醒：提醒 2025-03-01、提醒 2026-02-15（依据假设：示例规则（十二个月内两次提醒）；种子和条例未规定次数与期间，地区可调整）',
    );
    // the window starts on the corresponding day 12 months back, inclusive
    expect(
      earlyWarnings(
        facts({ records: [reminder('a', '2025-02-20'), reminder('b', '2026-02-15')] }),
        fengze,
        '2026-02-20',
      ),
    ).toHaveLength(1);
  });

  it('13 months apart do not flag; a revoked or exempted 提醒 does not count', () => {
    expect(
      earlyWarnings(
        facts({ records: [reminder('a', '2025-01-15'), reminder('b', '2026-02-15')] }),
        fengze,
        '2026-02-20',
      ),
    ).toEqual([]);
    expect(
      earlyWarnings(
        facts({ records: [reminder('a', '2025-02-19'), reminder('b', '2026-02-15')] }),
        fengze,
        '2026-02-20',
      ),
    ).toEqual([]);
    expect(
      earlyWarnings(
        facts({
          records: [{ ...reminder('a', '2025-06-01'), revokedOn: '2025-07-01' }, reminder('b', '2026-02-15')],
        }),
        fengze,
        '2026-02-20',
      ),
    ).toEqual([]);
  });

  it('a 函询 during an in-progress promotion flags; with no process (there is no selection module yet) nothing', () => {
    const inquiry: RecordFact = { ...reminder('q', '2026-04-10'), kind: 'inquiry' };
    expect(earlyWarnings(facts({ records: [inquiry] }), fengze, '2026-05-01')).toEqual([]);
    const flags = earlyWarnings(
      facts({
        records: [inquiry],
        processes: [{ id: 'p-1', cadreId: CADRE, kind: 'promotion', from: '2026-04-01', until: null }],
      }),
      fengze,
      '2026-05-01',
    );
    expect(flags.map((f) => [f.rule, f.processId, f.records.map((r) => r.id), f.notify])).toEqual([
      ['inquiry_during_promotion', 'p-1', ['q'], ['orgdept']],
    ]);
  });
});

describe('[eligibility] the pack section', () => {
  it('every shipped version carries the discipline section, every effect with a source', () => {
    for (const p of shippedPacks()) {
      expect(p.discipline?.kinds.map((k) => k.code)).toEqual([
        'reminder',
        'inquiry',
        'admonishment',
        'org_handling',
        'party_discipline',
        'government_sanction',
      ]);
      for (const e of p.discipline!.effects) expect(e.source).toBeDefined();
    }
  });

  it('refuses an effect on an unknown kind or grade, and a months figure without a source', () => {
    const pack = structuredClone(fengze);
    pack.discipline!.effects[0]!.kind = 'nonsense';
    pack.discipline!.effects[2]!.grade = 'nonsense';
    const r = PackSchema.safeParse(pack);
    expect(r.success).toBe(false);
    const messages = (r.error?.issues ?? []).map((i) => `${i.path.join('/')}: ${i.message}`);
    expect(messages).toContain('discipline/effects/0/kind: 没有记录种类 nonsense');
    expect(messages).toContain('discipline/effects/2/grade: 记录种类 org_handling 没有档次 nonsense');
    const unsourced = structuredClone(fengze);
    delete (unsourced.discipline!.tolerance.lighter as { source?: unknown }).source;
    const u = PackSchema.safeParse(unsourced);
    expect(u.success).toBe(false);
    expect(u.error?.issues.map((i) => i.path.join('/'))).toContain('discipline/tolerance/lighter/source');
  });
});
