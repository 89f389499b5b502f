import type { PaySection, RewardPool } from '../policy/pay-section.ts';
import {
  assemble,
  clauseStep,
  dataStep,
  lineOf,
  pct,
  selectPopulation,
  yuan,
  type Sources,
} from './common.ts';
import { dec, mul, percent, ratio, ratioText, splitLargestRemainder, sum, type Ratio } from './money.ts';
import { PayRuleError, type PayInputs, type PayPersonInput, type PayResult, type PayStep } from './model.ts';

/**
 * 工资奖励池 / 平时考核奖 (R-PAY-4): the pool (the run's, or the pack's default) split by shares
 * score × post weight (the first `postWeights` entry the person matches, else 100%) by the largest remainder,
 * to the fen. People without a score get nothing and are listed in `excluded`. 不搞普惠: with
 * `minSpreadRatio` set, the highest amount must be at least that many times the lowest, else the split is
 * refused (PAY_EQUAL_SPLIT_REFUSED) — with one person there is no spread to judge, and a lowest amount of
 * ¥0 passes. Nobody with a score above 0 → PAY_EMPTY_POPULATION (the pool cannot be split).
 */
export function rewardPool(pay: PaySection, inputs: PayInputs, sources: Sources): PayResult {
  const s = pay.rewardPool!;
  const P = '/pay/rewardPool';
  const population = selectPopulation(s.population, inputs.people, s.name);

  // ---- the pool
  const steps: PayStep[] = [];
  let pool: number;
  if (inputs.budgetFen !== null) {
    pool = inputs.budgetFen;
    steps.push(dataStep('奖励池', `核算时录入 ${yuan(pool)}`, pool));
  } else if (s.defaultPoolFen !== null) {
    pool = s.defaultPoolFen;
    steps.push(clauseStep(sources, '奖励池', `政策包默认 ${yuan(pool)}`, `${P}/defaultPoolFen`, pool));
  } else {
    throw new PayRuleError(
      'PAY_BUDGET_REQUIRED',
      `${s.name}：政策包未设默认奖励池，核算时须录入奖励池金额`,
      {},
    );
  }

  // ---- shares
  const excluded: PayResult['excluded'] = [];
  const people: { p: PayPersonInput; score: Ratio; weight: Weight; share: Ratio }[] = [];
  for (const p of population) {
    if (!p.score) {
      excluded.push({ cadreId: p.cadreId, name: p.name, reason: '本期无已发布的平时考核得分' });
      continue;
    }
    const score = dec(p.score.value);
    const weight = weightOf(s, p);
    people.push({ p, score, weight, share: mul(score, weight.factor) });
  }
  const whole = sum(people.map((x) => x.share));
  if (whole.n === 0n)
    throw new PayRuleError(
      'PAY_EMPTY_POPULATION',
      `${s.name}：没有平时考核得分高于 0 的人员，奖励池无法分配`,
      {
        peopleInScope: population.length,
        withoutScore: excluded.length,
      },
    );
  const amounts = splitLargestRemainder(
    pool,
    people.map((x) => x.share),
  );
  steps.push(
    dataStep(
      '分配份额',
      `${people.length} 人，份额 = 平时考核得分 × 岗位权重，合计 ${ratioText(whole, 4)}；无得分 ${excluded.length} 人`,
    ),
    clauseStep(
      sources,
      '取整到分',
      `各人精确金额按最大余额法取整到分，合计 ${yuan(pool)}，与奖励池一致`,
      '/pay/rounding',
      pool,
    ),
  );

  // ---- 不搞普惠
  if (s.minSpreadRatio !== null && amounts.length > 1) {
    let max = amounts[0]!;
    let min = max;
    for (const a of amounts) {
      if (a > max) max = a;
      if (a < min) min = a;
    }
    const required = dec(s.minSpreadRatio);
    const reached = min === 0 ? null : ratio(BigInt(max), BigInt(min));
    const text = reached ? ratioText(reached, 2) : '∞';
    if (reached && reached.n * required.d < required.n * reached.d)
      throw new PayRuleError(
        'PAY_EQUAL_SPLIT_REFUSED',
        `最高 ${yuan(max)} 仅为最低 ${yuan(min)} 的 ${text} 倍，低于规定的 ${s.minSpreadRatio} 倍（不搞普惠）`,
        { ratio: text, required: s.minSpreadRatio, maxFen: max, minFen: min },
      );
    steps.push(
      clauseStep(
        sources,
        '拉开差距',
        `最高 ${yuan(max)} ÷ 最低 ${yuan(min)} = ${text}，不低于 ${s.minSpreadRatio}`,
        `${P}/minSpreadRatio`,
      ),
    );
  }

  // the weight steps are shared; the rest is the person's own (scores differ)
  const weightSteps = new Map<number | null, PayStep>();
  const weightStep = (weight: Weight): PayStep => {
    let step = weightSteps.get(weight.index);
    if (!step)
      weightSteps.set(
        weight.index,
        (step = Object.freeze(
          weight.index === null
            ? clauseStep(sources, '岗位权重', `不属倾斜岗位，100%`, `${P}/postWeights`)
            : clauseStep(
                sources,
                '岗位权重',
                `${weight.name} ${pct(weight.percent)}`,
                `${P}/postWeights/${weight.index}/weightPercent`,
              ),
        )),
      );
    return step;
  };
  const wholeText = ratioText(whole, 4);
  const poolText = yuan(pool);
  const lines = people.map(({ p, score, weight, share }, i) => {
    const amount = amounts[i]!;
    const rounds = p.score!.rounds.map((r) => `${r.roundName} ${r.total}`).join('、');
    // display only: unreduced fractions (no gcd per person)
    const shareOf = `${ratioText({ n: share.n * whole.d * 100n, d: share.d * whole.n }, 2)}%`;
    const shareText = ratioText(share, 4);
    const scoreText = ratioText(score, 2);
    return lineOf(p, amount, null, {
      summary: `平时考核得分 ${p.score!.value} × 岗位权重 ${pct(weight.percent)}，占全部份额 ${shareOf} → ${yuan(amount)}`,
      steps: [
        clauseStep(
          sources,
          '平时考核得分',
          `${scoreText}${rounds ? `（${rounds} 的平均）` : ''}`,
          `${P}/scoreSchemeIds`,
        ),
        weightStep(weight),
        dataStep(
          '分配份额',
          `${scoreText} × ${pct(weight.percent)} = ${shareText}，占全部份额 ${wholeText} 的 ${shareOf}`,
        ),
        clauseStep(
          sources,
          '奖励金额',
          `${poolText} × ${shareText} / ${wholeText}，最大余额法取整到分 → ${yuan(amount)}`,
          '/pay/rounding',
          amount,
        ),
      ],
      notes: [],
    });
  });
  return assemble(lines, { budgetFen: pool, steps, excluded });
}

type Weight = { index: number | null; name: string; percent: number; factor: Ratio };

const NO_WEIGHT: Weight = Object.freeze({ index: null, name: '', percent: 100, factor: percent(100) });
const weights = new WeakMap<RewardPool, Weight[]>();

function weightOf(s: RewardPool, p: PayPersonInput): Weight {
  if (!weights.has(s))
    weights.set(
      s,
      s.postWeights.map((w, index) => ({
        index,
        name: w.name,
        percent: w.weightPercent,
        factor: percent(w.weightPercent),
      })),
    );
  const i = s.postWeights.findIndex((w) =>
    'tag' in w.match ? p.tags.includes(w.match.tag) : p.unitKind === w.match.orgKind,
  );
  if (i < 0) return NO_WEIGHT;
  return (weights.get(s) ?? [])[i] ?? NO_WEIGHT;
}
