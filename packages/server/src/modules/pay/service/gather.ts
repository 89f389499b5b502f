import { explainReason, type PayInputs, type PayPersonInput } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { eligibilityForComputation } from '../../eligibility/service.ts';
import * as inputs from '../repository/inputs.ts';
import type { RunRecord } from '../repository/runs.ts';

/**
 * Gather what a run is computed from, as of the period's last day, and freeze it (PayInputs): the people of
 * the run's unit subtree whose unit is of a kind the scheme pays, each with what the kind asks — their own
 * grade (performance bonus, village subsidy), their unit's grade (street uplift), their regular-assessment
 * score (reward pool), their eligibility for `bonus` (performance bonus) — the district's tables of the year
 * and the statistics.
 */
export async function gatherInputs(ctx: RequestContext, run: RunRecord): Promise<PayInputs> {
  const pay = run.policy.pay;
  const year = Number(run.period);
  const asOf = `${run.period}-12-31`;
  const section =
    run.kind === 'street-uplift'
      ? pay.streetUplift
      : run.kind === 'performance-bonus'
        ? pay.performanceBonus
        : run.kind === 'village-subsidy'
          ? pay.villageSubsidy
          : pay.rewardPool;
  const orgKinds = section?.population.orgKinds ?? [];
  const people = await inputs.peopleOf(ctx.client, run.orgPath, orgKinds);

  const own = (schemeIds: readonly string[] | undefined) =>
    schemeIds?.length
      ? inputs.publishedGrades(ctx.client, { schemeIds, year, orgPath: run.orgPath, units: false })
      : Promise.resolve(null);
  const grades =
    run.kind === 'performance-bonus'
      ? await own(pay.performanceBonus?.gradeSchemeIds)
      : run.kind === 'village-subsidy'
        ? await own(pay.villageSubsidy?.grade?.schemeIds)
        : null;
  const unitGrades =
    run.kind === 'street-uplift' && pay.streetUplift
      ? await inputs.publishedGrades(ctx.client, {
          schemeIds: pay.streetUplift.effectiveness.schemeIds,
          year,
          orgPath: run.orgPath,
          units: true,
        })
      : null;
  const totals =
    run.kind === 'reward-pool' && pay.rewardPool
      ? await inputs.publishedTotals(ctx.client, {
          schemeIds: pay.rewardPool.scoreSchemeIds,
          year,
          orgPath: run.orgPath,
        })
      : null;
  const eligibility =
    run.kind === 'performance-bonus'
      ? await eligibilityForComputation(
          ctx,
          people.map((p) => p.cadreId),
          asOf,
          'bonus',
        )
      : null;

  const frozen: PayPersonInput[] = people.map((p) => {
    const answer = eligibility?.get(p.cadreId);
    const rounds = totals?.get(p.cadreId);
    return {
      ...p,
      grade: grades?.get(p.cadreId) ?? null,
      unitGrade: unitGrades?.get(p.unitId) ?? null,
      score: rounds?.length
        ? {
            value: meanText(rounds.map((r) => r.total)),
            rounds: rounds.map((r) => ({ ...r, total: meanText([r.total]) })),
          }
        : null,
      eligibility: eligibility
        ? answer
          ? { eligible: answer.eligible, reasons: answer.reasons.map((r) => explainReason(r)) }
          : { eligible: true, reasons: [] }
        : null,
    };
  });
  return {
    kind: run.kind,
    period: run.period,
    asOf,
    pack: { id: run.packId, effectiveFrom: run.packEffectiveFrom, name: run.packName },
    people: frozen,
    tables: await inputs.tablesOf(ctx.client, year),
    statistics: await inputs.statisticsOf(ctx.client),
    budgetFen: run.budgetFen,
  };
}

/**
 * The mean of published totals (exact fractions "num/den" as the assessment stores them) as decimal text
 * to the hundredth, half up: the score as the results page shows it ("87.35").
 */
export function meanText(totals: readonly string[]): string {
  let n = 0n;
  let d = 1n;
  for (const t of totals) {
    const m = /^(-?\d+)(?:\/(\d+))?$/.exec(t.trim());
    const tn = m ? BigInt(m[1]!) : 0n;
    const td = m?.[2] ? BigInt(m[2]) : 1n;
    n = n * td + tn * d;
    d = d * td;
  }
  d *= BigInt(Math.max(totals.length, 1));
  // hundredths, half up (scores are not negative)
  const hundredths = (n * 200n + d) / (2n * d);
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}`;
}
