import type { PaySection } from '../policy/pay-section.ts';
import {
  assemble,
  baseMissing,
  clauseStep,
  dataStep,
  freezeExplanation,
  gradeText,
  lineOf,
  pct,
  roundingText,
  selectPopulation,
  yuan,
  type Sources,
} from './common.ts';
import { fen, mul, ONE, percent, ratioText, roundFen, type Ratio } from './money.ts';
import type { PayExplanation, PayInputs, PayLine, PayPersonInput, PayResult, PayStep } from './model.ts';

/**
 * 绩效奖金 (R-PAY-2): the district-department bonus of the cadre's grade (district table `bonus-base`),
 * × (100 + upliftPercent)% for a unit of `upliftOrgKinds`, × the ineligible effect (0%, or paidPercent%) when
 * the eligibility engine (purpose `bonus`) says no — one rounding by `pay.rounding` at the end.
 *
 * A cadre without a published grade is paid `missingGradePercent` of the bonus of the grade `missingGradeAs`
 * (称职: what a present, ungraded cadre would normally get); at 0% (Fengze, Wenzhou) no base is needed and the
 * line shows ¥0.00 with the reason. A grade code absent from the bonus table → PAY_BASE_MISSING. Eligibility not given (null) counts
 * as eligible, with a note.
 */
export function performanceBonus(pay: PaySection, inputs: PayInputs, sources: Sources): PayResult {
  const s = pay.performanceBonus!;
  const P = '/pay/performanceBonus';
  const people = selectPopulation(s.population, inputs.people, s.name);
  const table = inputs.tables.bonusBase;
  const fallback = { code: s.missingGradeAs, name: GRADE_NAMES[s.missingGradeAs] ?? s.missingGradeAs };
  const uplift = new Set<string>(s.upliftOrgKinds);
  const upFactor = percent(100 + s.upliftPercent);
  const missing: { cadreId: string; name: string; key: string }[] = [];
  const rounding = roundingText(pay.rounding);

  type Outcome =
    { amount: number; base: number | null; explanation: PayExplanation } | { missingKey: string };
  // everything a line depends on: the grade, the unit and the eligibility — people alike share one outcome
  const outcomes = new Map<string, Outcome>();
  const outcomeOf = (p: PayPersonInput): Outcome => {
    const steps: PayStep[] = [];
    const notes: string[] = [];
    const why: string[] = [];
    // ---- the grade and its base
    let base: number | null = null;
    let gradeFactor: Ratio = ONE;
    if (p.grade) {
      steps.push(clauseStep(sources, '考核等次', gradeText(p.grade), `${P}/gradeSchemeIds`));
      if (!Object.hasOwn(table, p.grade.code)) return { missingKey: p.grade.code };
      base = table[p.grade.code]!;
      if (base !== null)
        steps.push(dataStep('基数', `区直机关同等次（${p.grade.name}）绩效奖 ${yuan(base)}`, base));
    } else {
      gradeFactor = percent(s.missingGradePercent);
      const text = `无已发布的年度考核等次，按 ${pct(s.missingGradePercent)} 发放`;
      notes.push(text);
      why.push(`无考核等次 ${pct(s.missingGradePercent)}`);
      if (s.missingGradePercent === 0) {
        steps.push(clauseStep(sources, '考核等次', text, `${P}/missingGradePercent`));
      } else if (Object.hasOwn(table, fallback.code)) {
        base = table[fallback.code]!;
        steps.push(
          clauseStep(
            sources,
            '考核等次',
            `${text}（以${fallback.name}等次的绩效奖为准）`,
            `${P}/missingGradePercent`,
          ),
          dataStep('基数', `区直机关同等次（${fallback.name}）绩效奖 ${yuan(base)}`, base),
        );
      } else {
        return { missingKey: fallback.code };
      }
    }
    // ---- uplift by unit kind
    const up = uplift.has(p.unitKind);
    steps.push(
      up
        ? clauseStep(
            sources,
            '单位上浮',
            `${p.unitName}：在区直机关同等次基础上增加 ${pct(s.upliftPercent)}（× ${pct(100 + s.upliftPercent)}）`,
            `${P}/upliftPercent`,
          )
        : clauseStep(
            sources,
            '单位上浮',
            `${p.unitName}：不在上浮范围，按区直机关同等次标准`,
            `${P}/upliftOrgKinds`,
          ),
    );
    if (up) why.push(`上浮 ${pct(s.upliftPercent)}`);
    // ---- eligibility (purpose bonus, as of the period end)
    let eligFactor: Ratio = ONE;
    if (p.eligibility === null) {
      notes.push('未提供发放资格核查结果，按符合资格计');
    } else if (p.eligibility.eligible) {
      steps.push(dataStep('发放资格', `符合（截至 ${inputs.asOf}）`));
    } else {
      const reasons = p.eligibility.reasons.join('；') || '资格核查未通过';
      if (s.ineligible.effect === 'none') {
        eligFactor = percent(0);
        steps.push(clauseStep(sources, '发放资格', `不符合：${reasons} → 不发放`, `${P}/ineligible`));
        why.push('不符合发放资格，不发放');
      } else {
        eligFactor = percent(s.ineligible.paidPercent);
        steps.push(
          clauseStep(
            sources,
            '发放资格',
            `不符合：${reasons} → 按 ${pct(s.ineligible.paidPercent)} 发放`,
            `${P}/ineligible/paidPercent`,
          ),
        );
        why.push(`不符合发放资格，按 ${pct(s.ineligible.paidPercent)}`);
      }
    }
    const exact = mul(mul(fen(base ?? 0), gradeFactor), mul(up ? upFactor : ONE, eligFactor));
    const amount = roundFen(exact, pay.rounding);
    const factors = [
      ...(gradeFactor === ONE ? [] : [pct(s.missingGradePercent)]),
      ...(up ? [pct(100 + s.upliftPercent)] : []),
      ...(eligFactor === ONE ? [] : [pct(s.ineligible.effect === 'none' ? 0 : s.ineligible.paidPercent)]),
    ];
    const formula = `${yuan(base ?? 0)}${factors.map((f) => ` × ${f}`).join('')}`;
    steps.push(
      clauseStep(
        sources,
        '绩效奖金',
        `${formula} = ${ratioText(mul(exact, percent(1)), 4)} 元，${rounding} → ${yuan(amount)}`,
        '/pay/rounding',
        amount,
      ),
    );
    const gradePart = p.grade ? `${p.grade.name}等次` : '无考核等次';
    const summary = `${gradePart}：区直机关同等次绩效奖 ${yuan(base ?? 0)}${why.length ? `（${why.join('，')}）` : ''} → ${yuan(amount)}`;
    return { amount, base, explanation: freezeExplanation({ summary, steps, notes }) };
  };
  const lines: PayLine[] = [];
  for (const p of people) {
    const g = p.grade;
    const e = p.eligibility;
    const key = `${g ? `${g.code}|${g.name}|${g.roundName}` : '-'}|${p.unitId}|${p.unitName}|${p.unitKind}|${
      e === null ? 'n' : e.eligible ? 'y' : `x${e.reasons.join('\u0001')}`
    }`;
    let o = outcomes.get(key);
    if (!o) outcomes.set(key, (o = outcomeOf(p)));
    if ('missingKey' in o) missing.push({ cadreId: p.cadreId, name: p.name, key: o.missingKey });
    else lines.push(lineOf(p, o.amount, o.base, o.explanation));
  }
  if (missing.length) throw baseMissing('bonus-base', missing);
  const ineligible = people.filter((p) => p.eligibility && !p.eligibility.eligible).length;
  return assemble(lines, {
    budgetFen: null,
    excluded: [],
    steps: [
      clauseStep(sources, '发放范围', `${people.length} 人`, `${P}/population`),
      clauseStep(
        sources,
        '单位上浮',
        s.upliftOrgKinds.length
          ? `${s.upliftOrgKinds.map((k) => ORG_KIND_NAMES[k] ?? k).join('、')}单位在区直机关同等次绩效奖基础上增加 ${pct(s.upliftPercent)}`
          : '不上浮',
        `${P}/upliftPercent`,
      ),
      clauseStep(
        sources,
        '不符合发放资格',
        `${ineligible} 人；${s.ineligible.effect === 'none' ? '不发放' : `按 ${pct(s.ineligible.paidPercent)} 发放`}`,
        `${P}/ineligible`,
      ),
    ],
  });
}

const ORG_KIND_NAMES: Record<string, string> = {
  district: '区/县',
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  station: '站点',
  enterprise: '企业',
};

/** Names of the grade codes the shipped scales use, to show the missing-grade reference (display only). */
const GRADE_NAMES: Record<string, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
  good: '良好',
  fair: '一般',
  poor: '较差',
};
