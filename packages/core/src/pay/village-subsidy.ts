import type { PaySection, VillageSubsidy } from '../policy/pay-section.ts';
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
import { dec, fen, mul, percent, roundFen } from './money.ts';
import {
  PayRuleError,
  type PayInputs,
  type PayExplanation,
  type PayLine,
  type PayPersonInput,
  type PayResult,
  type PayStep,
} from './model.ts';

type Role = VillageSubsidy['roles'][number];

/** Display names of the statistics a floor may use (the id is the key of `pay_statistics`). */
const STATISTIC_NAMES: Record<string, string> = { 'rural-income-per-capita': '农民人均可支配收入' };

/**
 * 村(社区)干部岗位补贴 (R-PAY-3). Per role the person holds (a current appointment of the role's kind, or the
 * role's tag): the district's pre-raise amount × (100 + raisePercent)%, rounded by `pay.rounding`; the roles
 * combined (`sum`, or the `highest`, the earlier role on a tie); × the grade's percent when the pack links
 * the grade (a grade the pack gives no percent, or none published: `missingPercent`), rounded again. Each
 * rounded figure is shown, so the steps add up as a reader checks them.
 *
 * The floor (Hongdong): a person holding `floor.roleId` is paid at least `multiple` × the statistic of the
 * period's year − `yearsBack` (rounded); it applies after the grade, as a guaranteed minimum of the post's pay.
 * People holding no role get no line and are listed in `excluded`.
 */
export function villageSubsidy(pay: PaySection, inputs: PayInputs, sources: Sources): PayResult {
  const s = pay.villageSubsidy!;
  const P = '/pay/villageSubsidy';
  const people = selectPopulation(s.population, inputs.people, s.name);
  const table = inputs.tables.villageBase;
  const rounding = roundingText(pay.rounding);
  const missing: { cadreId: string; name: string; key: string }[] = [];
  const excluded: PayResult['excluded'] = [];
  const floor = s.floor ? floorOf(s, inputs, people, pay.rounding) : null;

  type Outcome = { amount: number; base: number; explanation: PayExplanation } | { missingKeys: string[] };
  // a line depends on the roles held and the grade only: people alike share one outcome
  const outcomes = new Map<string, Outcome>();
  const lines: PayLine[] = [];
  const noRole = `未担任补贴岗位（${s.roles.map((r) => r.name).join('、')}）`;
  for (const p of people) {
    const roles = s.roles.filter((r) => holds(p, r));
    if (roles.length === 0) {
      excluded.push({ cadreId: p.cadreId, name: p.name, reason: noRole });
      continue;
    }
    const g = p.grade;
    const key = `${roles.map((r) => r.id).join(',')}|${g ? `${g.code}|${g.name}|${g.roundName}` : '-'}`;
    let o = outcomes.get(key);
    if (!o) outcomes.set(key, (o = outcomeOf(p, roles)));
    if ('missingKeys' in o)
      for (const k of o.missingKeys) missing.push({ cadreId: p.cadreId, name: p.name, key: k });
    else lines.push(lineOf(p, o.amount, o.base, o.explanation));
  }
  if (missing.length) throw baseMissing('village-base', missing);

  function outcomeOf(p: PayPersonInput, roles: Role[]): Outcome {
    const steps: PayStep[] = [];
    const notes: string[] = [];
    // ---- each role: before and after the raise
    const parts: { role: Role; index: number; base: number; raised: number }[] = [];
    const missingKeys: string[] = [];
    for (const role of roles) {
      if (!Object.hasOwn(table, role.id)) {
        missingKeys.push(role.id);
        continue;
      }
      const base = table[role.id]!;
      const raised = roundFen(mul(fen(base), percent(100 + role.raisePercent)), pay.rounding);
      const index = s.roles.indexOf(role);
      parts.push({ role, index, base, raised });
      steps.push(
        clauseStep(
          sources,
          role.name,
          role.raisePercent === 0
            ? `岗位补贴 ${yuan(base)}（不提高）`
            : `提高前 ${yuan(base)}，提高 ${pct(role.raisePercent)} → ${yuan(raised)}（${rounding}）`,
          `${P}/roles/${index}/raisePercent`,
          raised,
        ),
      );
    }
    if (missingKeys.length) return { missingKeys };
    // ---- combined
    let combined: number;
    let counted = parts;
    if (s.combine === 'sum' || parts.length === 1) {
      combined = parts.reduce((a, x) => a + x.raised, 0);
      if (parts.length > 1)
        steps.push(
          clauseStep(
            sources,
            '多岗位合计',
            `${parts.map((x) => yuan(x.raised)).join(' + ')} = ${yuan(combined)}`,
            `${P}/combine`,
            combined,
          ),
        );
    } else {
      const top = parts.reduce((a, x) => (x.raised > a.raised ? x : a));
      counted = [top];
      combined = top.raised;
      steps.push(
        clauseStep(
          sources,
          '多岗位取高',
          `按最高的“${top.role.name}” ${yuan(combined)}`,
          `${P}/combine`,
          combined,
        ),
      );
    }
    // ---- linked to the grade
    let amount = combined;
    if (s.grade) {
      const g = p.grade;
      const known = g !== null && Object.hasOwn(s.grade.gradePercents, g.code);
      const percentPaid = known ? s.grade.gradePercents[g.code]! : s.grade.missingPercent;
      amount = roundFen(mul(fen(combined), percent(percentPaid)), pay.rounding);
      const why = g ? (known ? gradeText(g) : `等次“${g.name}”未在政策包中设定比例`) : '无已发布的考评结果';
      if (!known) notes.push(`${why}，按 ${pct(percentPaid)} 发放`);
      steps.push(
        clauseStep(
          sources,
          '考评结果挂钩',
          `${why} → ${pct(percentPaid)}：${yuan(combined)} × ${pct(percentPaid)} = ${yuan(amount)}（${rounding}）`,
          known ? `${P}/grade/gradePercents/${g.code}` : `${P}/grade/missingPercent`,
          amount,
        ),
      );
    }
    const graded = amount;
    // ---- the floor
    let summaryFloor = '';
    if (floor && roles.some((r) => r.id === floor.roleId)) {
      if (amount < floor.amount) {
        steps.push(
          clauseStep(
            sources,
            '保底',
            `${floor.text}，高于按岗位计算的 ${yuan(amount)}，按保底发放`,
            `${P}/floor`,
            floor.amount,
          ),
        );
        notes.push(`按岗位计算 ${yuan(amount)}，低于保底，提高到 ${yuan(floor.amount)}`);
        summaryFloor = `，低于保底，提高到 ${yuan(floor.amount)}`;
        amount = floor.amount;
      } else {
        steps.push(
          clauseStep(sources, '保底', `${floor.text}，按岗位计算的 ${yuan(amount)} 不低于保底`, `${P}/floor`),
        );
      }
    }
    const base = counted.reduce((a, x) => a + x.base, 0);
    const summary = `${roles.map((r) => r.name).join('、')}：岗位补贴 ${yuan(combined)}${s.grade ? `，考评挂钩后 ${yuan(graded)}` : ''}${summaryFloor} → ${yuan(amount)}`;
    return { amount, base, explanation: freezeExplanation({ summary, steps, notes }) };
  }
  const runSteps: PayStep[] = [
    clauseStep(
      sources,
      '补贴岗位',
      s.roles.map((r) => `${r.name} 提高 ${pct(r.raisePercent)}`).join('；'),
      `${P}/roles`,
    ),
    clauseStep(
      sources,
      '多岗位',
      s.combine === 'sum' ? '各岗位补贴相加' : '取最高的一个岗位',
      `${P}/combine`,
    ),
    clauseStep(
      sources,
      '考评挂钩',
      s.grade
        ? `${Object.entries(s.grade.gradePercents)
            .map(([code, v]) => `${code} ${pct(v)}`)
            .join('、')}；无结果 ${pct(s.grade.missingPercent)}`
        : '不挂钩',
      `${P}/grade`,
    ),
    dataStep('发放人数', `${lines.length} 人；未担任补贴岗位 ${excluded.length} 人`),
  ];
  if (floor) runSteps.push(clauseStep(sources, '保底', floor.text, `${P}/floor`, floor.amount));
  return assemble(lines, { budgetFen: null, steps: runSteps, excluded });
}

function holds(p: PayPersonInput, r: Role): boolean {
  return 'roleKind' in r.match ? p.roleKinds.includes(r.match.roleKind) : p.tags.includes(r.match.tag);
}

/** The floor amount of the period (PAY_STATISTIC_MISSING when its statistic was not entered). */
function floorOf(
  s: VillageSubsidy,
  inputs: PayInputs,
  people: readonly PayPersonInput[],
  rounding: PaySection['rounding'],
): { roleId: string; amount: number; text: string } | null {
  const f = s.floor!;
  const role = s.roles.find((r) => r.id === f.roleId)!;
  const year = String(Number(inputs.period) - f.yearsBack);
  const statName = STATISTIC_NAMES[f.statistic] ?? f.statistic;
  const holders = people.some((p) => holds(p, role));
  const value = inputs.statistics[f.statistic]?.[year];
  if (value === undefined) {
    if (!holders) return null;
    throw new PayRuleError(
      'PAY_STATISTIC_MISSING',
      `缺少 ${year} 年${statName}（${role.name}报酬保底所需）`,
      {
        statistic: f.statistic,
        year: Number(year),
      },
    );
  }
  const amount = roundFen(mul(fen(value), dec(f.multiple)), rounding);
  const when = f.yearsBack === 1 ? '上年度' : f.yearsBack === 0 ? '本年度' : `${f.yearsBack} 年前`;
  return {
    roleId: f.roleId,
    amount,
    text: `${role.name}不低于 ${f.multiple} × ${when}（${year}年）${statName} ${yuan(value)} = ${yuan(amount)}`,
  };
}
