import type { PaySection, StreetUplift } from '../policy/pay-section.ts';
import {
  assemble,
  ExplanationCache,
  baseMissing,
  clauseStep,
  dataStep,
  gradeText,
  lineOf,
  pct,
  roundingText,
  selectPopulation,
  yuan,
  type Sources,
} from './common.ts';
import {
  add,
  cmp,
  dec,
  div,
  fen,
  floorDiv,
  lcmOf,
  mul,
  ONE,
  percent,
  ratio,
  ratioText,
  roundFen,
  splitExactWithin,
  sub,
  ZERO,
  type Ratio,
} from './money.ts';
import {
  PayRuleError,
  type PayInputs,
  type PayLine,
  type PayPersonInput,
  type PayResult,
  type PayStep,
} from './model.ts';

/**
 * 街道干部经济待遇上浮 (R-PAY-1): a budget B spread over the street cadres so that every uplift stays within
 * the band of the person's rank base and the uplifts add up to B to the fen.
 *
 * Rate of person i: r_i = clamp(λ · w_i, min%, max%), w_i = difficulty_i^power × unit-grade percent_i, with
 * the one λ for which Σ base_i · r_i = B exactly. Σ base_i · clamp(λ w_i, …) is piecewise linear and
 * nondecreasing in λ with breakpoints min%/w_i and max%/w_i; people of equal weight share the breakpoints, so
 * the sweep runs over the distinct weights (few: difficulty × grade), never over people. Equal rank,
 * difficulty and unit grade → the same rate; the fen amounts then differ by at most the one remainder fen.
 *
 * Feasible budgets: each person's uplift in whole fen lies in [⌈base·min%⌉, ⌊base·max%⌋], so B must lie in
 * [Σ⌈base·min%⌉, Σ⌊base·max%⌋] (the same as ⌈Σ base·min%⌉ … ⌊Σ base·max%⌋ whenever base·percent is whole
 * fen, as for whole-yuan bases and whole percents). A weight of 0 (a grade paid at 0%) keeps the person at
 * the band's lower end; if every weight is 0 the budget is spread at one rate for everybody (a note says so).
 */
export function streetUplift(pay: PaySection, inputs: PayInputs, sources: Sources): PayResult {
  const s = pay.streetUplift!;
  const P = '/pay/streetUplift';
  // a record without a 职级 has no district-department rank to be compared with: listed, not paid (a rank
  // the table lacks is a refusal instead — the table is the district's to complete)
  const population = selectPopulation(s.population, inputs.people, s.name);
  const excluded: PayResult['excluded'] = population
    .filter((p) => p.rank.trim() === '')
    .map((p) => ({ cadreId: p.cadreId, name: p.name, reason: '档案未填职级，无法对照区直机关同职级基数' }));
  const people = population.filter((p) => p.rank.trim() !== '');
  if (people.length === 0)
    throw new PayRuleError('PAY_EMPTY_POPULATION', `${s.name}：范围内没有填有职级的人员`, {
      excluded: excluded.length,
    });

  // ---- bases (district table) and each person's band in whole fen
  const missing: { cadreId: string; name: string; key: string }[] = [];
  const bases: number[] = people.map((p) => {
    const b = Object.hasOwn(inputs.tables.rankBase, p.rank) ? inputs.tables.rankBase[p.rank]! : undefined;
    if (b === undefined) missing.push({ cadreId: p.cadreId, name: p.name, key: p.rank });
    return b ?? 0;
  });
  if (missing.length) throw baseMissing('rank-base', missing);
  const lo = percent(s.band.minPercent);
  const hi = percent(s.band.maxPercent);
  const lower = bases.map((b) => -floorDiv(-BigInt(b) * lo.n, lo.d));
  const upper = bases.map((b) => floorDiv(BigInt(b) * hi.n, hi.d));
  const sumBase = bases.reduce((a, b) => a + BigInt(b), 0n);
  const minTotal = lower.reduce((a, b) => a + b, 0n);
  const maxTotal = upper.reduce((a, b) => a + b, 0n);

  // ---- the budget
  const steps: PayStep[] = [];
  let budget: number;
  if (inputs.budgetFen !== null) {
    budget = inputs.budgetFen;
    steps.push(dataStep('总量（预算）', `核算时录入 ${yuan(budget)}`, budget));
  } else if (s.defaultBudgetPercentOfBase !== null) {
    budget = roundFen(mul(ratio(sumBase), percent(s.defaultBudgetPercentOfBase)), pay.rounding);
    steps.push(
      clauseStep(
        sources,
        '总量（预算）',
        `未录入总量，按基数总额的 ${pct(s.defaultBudgetPercentOfBase)}：${yuan(Number(sumBase))} × ${pct(s.defaultBudgetPercentOfBase)} = ${yuan(budget)}（${roundingText(pay.rounding)}）`,
        `${P}/defaultBudgetPercentOfBase`,
        budget,
      ),
    );
  } else {
    throw new PayRuleError('PAY_BUDGET_REQUIRED', `${s.name}：政策包未设默认总量，核算时须录入总量`, {
      sumBaseFen: Number(sumBase),
    });
  }
  const bounds = { budgetFen: budget, minFen: Number(minTotal), maxFen: Number(maxTotal) };
  const bandText = `${pct(s.band.minPercent)}–${pct(s.band.maxPercent)}`;
  if (BigInt(budget) < minTotal)
    throw new PayRuleError(
      'PAY_BUDGET_BELOW_BAND',
      `总量 ${yuan(budget)} 低于上浮下限：每人至少上浮 ${pct(s.band.minPercent)}，合计至少 ${yuan(bounds.minFen)}`,
      bounds,
    );
  if (BigInt(budget) > maxTotal)
    throw new PayRuleError(
      'PAY_BUDGET_ABOVE_BAND',
      `总量 ${yuan(budget)} 高于上浮上限：每人至多上浮 ${pct(s.band.maxPercent)}，合计至多 ${yuan(bounds.maxFen)}`,
      bounds,
    );
  steps.push(
    dataStep(
      '基数总额',
      `${people.length} 人，区直机关同职级基数合计 ${yuan(Number(sumBase))}`,
      Number(sumBase),
    ),
    clauseStep(
      sources,
      '上浮区间',
      `每人上浮 ${bandText}，合计可在 ${yuan(bounds.minFen)}–${yuan(bounds.maxFen)} 之间；总量 ${yuan(budget)} 在区间内`,
      `${P}/band`,
    ),
  );

  // ---- weights, grouped by value (difficulty × unit-grade percent)
  const weighings = new Map<string, Weighing>();
  const weighing = people.map((p) => {
    const g = p.unitGrade;
    const key = `${p.difficulty}|${g ? `${g.code}|${g.name}|${g.roundName}` : ''}`;
    let w = weighings.get(key);
    if (!w) weighings.set(key, (w = weightOf(s, p)));
    return w;
  });
  const runNotes: string[] = [];
  const groups = new Map<string, Group>();
  const groupOf = weighing.map((w, i) => {
    let g = groups.get(w.key);
    if (!g) groups.set(w.key, (g = { w: w.weight, sumBase: 0n, rate: ZERO, raw: ZERO }));
    g.sumBase += BigInt(bases[i]!);
    return g;
  });
  const all = [...groups.values()];
  if (all.every((g) => g.w.n === 0n)) {
    for (const g of all) g.w = ONE;
    runNotes.push('所有人员的分配权重均为 0，总量按同一上浮比例分配');
  }
  const lambda = solveLambda(all, lo, hi, ratio(BigInt(budget)));
  for (const g of all) {
    g.raw = mul(lambda, g.w);
    g.rate = cmp(g.raw, lo) < 0 ? lo : cmp(g.raw, hi) > 0 ? hi : g.raw;
  }
  steps.push(
    clauseStep(
      sources,
      '分配系数',
      `λ = ${ratioText(lambda, 6)}：各人上浮比例 = λ × 分配权重（难度系数${s.difficultyPower === 1 ? '' : `^${s.difficultyPower}`} × 工作实效比例），超出区间的按区间端点，合计恰为总量`,
      `${P}/difficultyPower`,
    ),
  );

  // ---- exact amounts → whole fen adding up to the budget, each inside its band
  const common = lcmOf(all.map((g) => g.rate.d));
  const nums = groupOf.map((g, i) => BigInt(bases[i]!) * g.rate.n * (common / g.rate.d));
  const amounts = splitExactWithin(budget, nums, common, lower, upper);
  steps.push(
    clauseStep(
      sources,
      '取整到分',
      `各人精确上浮额按最大余额法取整到分，合计 ${yuan(budget)}，与总量一致`,
      '/pay/rounding',
      budget,
    ),
  );

  // ---- explanations: the same group, rank, unit and amount explain the same way (built once, shared)
  const shared = new Map<Group, PayStep[]>();
  const cache = new ExplanationCache();
  const hundred = ratio(100n);
  const lines: PayLine[] = people.map((p, i) => {
    const g = groupOf[i]!;
    const b = bases[i]!;
    const amount = amounts[i]!;
    const w = weighing[i]!;
    const explanation = cache.get(`${w.key}|${p.rank}|${p.unitId}|${p.unitName}|${b}|${amount}`, () => {
      let groupSteps = shared.get(g);
      if (!groupSteps) shared.set(g, (groupSteps = groupStepsOf(s, sources, w, lambda, g, lo, hi)));
      const rateText = `${ratioText(mul(g.rate, hundred), 2)}%`;
      const exactYuan = ratioText(div(mul(fen(b), g.rate), hundred), 4);
      const reached = `${ratioText(div(ratio(BigInt(amount) * 100n), fen(b)), 2)}%`;
      return {
        summary: `${p.rank}基数 ${yuan(b)} 上浮 ${reached} = ${yuan(amount)}（总量 ${yuan(budget)} 按难度系数和工作实效分配，每人限 ${bandText}）`,
        steps: [
          dataStep('基数', `${p.rank} 区直机关同职级基数 ${yuan(b)}`, b),
          clauseStep(
            sources,
            '上浮区间',
            `${bandText}：${yuan(Number(lower[i]))}–${yuan(Number(upper[i]))}`,
            `${P}/band`,
          ),
          dataStep('难度系数', `${p.difficulty}（${p.unitName}）`),
          ...groupSteps,
          clauseStep(
            sources,
            '预算分配',
            `${yuan(b)} × ${rateText} = ${exactYuan} 元，最大余额法取整到分 → ${yuan(amount)}`,
            '/pay/rounding',
            amount,
          ),
        ],
        notes: w.notes,
      };
    });
    return lineOf(p, amount, b, explanation);
  });
  const result = assemble(lines, { budgetFen: budget, steps, excluded });
  if (runNotes.length) result.steps.push(dataStep('说明', runNotes.join('；')));
  return result;
}

type Group = { w: Ratio; sumBase: bigint; rate: Ratio; raw: Ratio };

type Weighing = {
  key: string;
  weight: Ratio;
  difficulty: Ratio;
  gradePercent: number;
  gradeStep: { value: string; clause: string };
  notes: string[];
};

function weightOf(s: StreetUplift, p: PayPersonInput): Weighing {
  const P = '/pay/streetUplift/effectiveness';
  const d = dec(p.difficulty);
  const g = p.unitGrade;
  const percents = s.effectiveness.gradePercents;
  const notes: string[] = [];
  let gradePercent: number;
  let gradeStep: Weighing['gradeStep'];
  if (g && Object.hasOwn(percents, g.code)) {
    gradePercent = percents[g.code]!;
    gradeStep = { value: `${gradeText(g)} → ${pct(gradePercent)}`, clause: `${P}/gradePercents/${g.code}` };
  } else {
    gradePercent = s.effectiveness.missingPercent;
    const why = g ? `单位等次“${g.name}”未在政策包中设定比例` : '单位无已发布的考评结果';
    gradeStep = { value: `${why} → ${pct(gradePercent)}`, clause: `${P}/missingPercent` };
    notes.push(`${why}，按 ${pct(gradePercent)} 计`);
  }
  let power = ONE;
  for (let k = 0; k < s.difficultyPower; k++) power = mul(power, d);
  const weight = mul(power, percent(gradePercent));
  return {
    key: `${d.n}/${d.d}|${gradePercent}|${gradeStep.value}`,
    weight,
    difficulty: d,
    gradePercent,
    gradeStep,
    notes,
  };
}

function groupStepsOf(
  s: StreetUplift,
  sources: Sources,
  w: Weighing,
  lambda: Ratio,
  g: Group,
  lo: Ratio,
  hi: Ratio,
): PayStep[] {
  const P = '/pay/streetUplift';
  const hundred = ratio(100n);
  const rawText = `${ratioText(mul(g.raw, hundred), 2)}%`;
  const clamp =
    cmp(g.raw, lo) < 0
      ? `，低于下限，按 ${pct(s.band.minPercent)}`
      : cmp(g.raw, hi) > 0
        ? `，高于上限，按 ${pct(s.band.maxPercent)}`
        : '，在上浮区间内';
  const dText = ratioText(w.difficulty, 2);
  const powerText =
    s.difficultyPower === 0
      ? '难度系数不计'
      : s.difficultyPower === 1
        ? dText
        : `${dText}^${s.difficultyPower}`;
  return [
    clauseStep(sources, '工作实效（单位考评等次）', w.gradeStep.value, w.gradeStep.clause),
    clauseStep(
      sources,
      '分配权重',
      `${powerText} × ${pct(w.gradePercent)} = ${ratioText(g.w, 4)}`,
      `${P}/difficultyPower`,
    ),
    clauseStep(
      sources,
      '测算比例',
      `λ × 权重 = ${ratioText(lambda, 6)} × ${ratioText(g.w, 4)} = ${rawText}${clamp}`,
      `${P}/band`,
    ),
    clauseStep(sources, '上浮比例', `${ratioText(mul(g.rate, hundred), 2)}%`, `${P}/band`),
  ];
}

/**
 * The smallest λ ≥ 0 with Σ_g S_g · clamp(λ·w_g, lo, hi) = B, exactly (B inside [Σ S·lo, Σ S·hi]).
 * A sweep over the sorted breakpoints lo/w_g (a group starts moving) and hi/w_g (it stops): between two
 * breakpoints the sum is C + λ·K, so λ = (B − C) / K on the segment that reaches B.
 */
function solveLambda(groups: readonly Group[], lo: Ratio, hi: Ratio, budget: Ratio): Ratio {
  const moving = groups.filter((g) => g.w.n !== 0n);
  const events: { at: Ratio; g: Group; start: boolean }[] = [];
  for (const g of moving) {
    events.push({ at: div(lo, g.w), g, start: true }, { at: div(hi, g.w), g, start: false });
  }
  events.sort((a, b) => cmp(a.at, b.at) || (a.start === b.start ? 0 : a.start ? -1 : 1));
  // below every breakpoint everybody is at the lower end
  let c = groups.reduce((acc, g) => add(acc, mul(ratio(g.sumBase), lo)), ZERO);
  let k = ZERO;
  if (cmp(c, budget) >= 0) return events.length ? events[0]!.at : ZERO;
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    const f = add(c, mul(at, k));
    if (cmp(f, budget) >= 0) return k.n === 0n ? at : div(sub(budget, c), k);
    for (; i < events.length && cmp(events[i]!.at, at) === 0; i++) {
      const { g, start } = events[i]!;
      const sw = mul(ratio(g.sumBase), g.w);
      if (start) {
        c = sub(c, mul(ratio(g.sumBase), lo));
        k = add(k, sw);
      } else {
        c = add(c, mul(ratio(g.sumBase), hi));
        k = sub(k, sw);
      }
    }
  }
  if (cmp(c, budget) >= 0 && events.length) return events[events.length - 1]!.at;
  throw new Error('street uplift: the budget lies outside the band (checked before)');
}
