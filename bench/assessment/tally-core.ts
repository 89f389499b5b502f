/**
 * The engine alone, no database: `tallyFromAggregates`, `rankTargets` and `proposeGrades` over N generated
 * targets of a shipped scheme, to see how each grows with N and with the quota group's size.
 *
 *   node --import tsx bench/assessment/tally-core.ts [--pack jinan] [--targets 10000,20000,40000]
 *        [--units 93] [--group-by unit|parent|population]
 */
import { parseArgs } from 'node:util';
import {
  proposeGrades,
  rankTargets,
  shippedPacks,
  tallyFromAggregates,
  tallyFromAggregatesExact,
  type GroupScoreAggregate,
  type TargetTally,
} from '@ganbu/core';

const { values } = parseArgs({
  options: {
    pack: { type: 'string', default: 'jinan' },
    targets: { type: 'string', default: '10000,20000,40000' },
    units: { type: 'string', default: '93' },
    'group-by': { type: 'string' },
  },
});
const pack = shippedPacks().find((p) => p.id === values.pack);
if (!pack) throw new Error(`no shipped pack ${values.pack}`);
const scheme =
  pack.assessment.schemes.find((s) => s.raterGroups.some((g) => g.aggregation.method === 'trimmedMean')) ??
  pack.assessment.schemes[0]!;
const scale = pack.assessment.gradeScales.find((g) => g.id === scheme.gradeScaleId)!;
let rule = pack.assessment.quotaRules.find((q) => q.id === scheme.quotaRuleId) ?? null;
if (rule && values['group-by']) rule = { ...rule, groupBy: values['group-by'] as typeof rule.groupBy };
const units = Number(values.units);

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

console.log(
  `${pack.id} ${scheme.id}: ${scheme.raterGroups.length} groups; quota ${rule ? `${rule.share} % per ${rule.groupBy}` : 'none'}; ${units} units`,
);
for (const n of (values.targets ?? '').split(',').map(Number)) {
  const rand = prng(n);
  // 20 ballots per target over the groups, totals 75–99 points: one aggregate per group
  const inputs: GroupScoreAggregate[][] = Array.from({ length: n }, () =>
    scheme.raterGroups.map((g) => {
      const count = Math.max(g.minRaters, Math.round(20 / scheme.raterGroups.length));
      const lo = 7500 + Math.floor(rand() * 1000);
      const hi = lo + Math.floor(rand() * 1500);
      const mid = BigInt(Math.floor((lo + hi) / 2));
      return {
        groupId: g.id,
        ballotCount: count,
        sumHundredths: BigInt(lo + hi) + mid * BigInt(count - 2),
        maxHundredths: BigInt(hi),
        minHundredths: BigInt(lo),
      };
    }),
  );
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  const lap = () => {
    const d = performance.now() - t;
    const dc = cpu() - c;
    t = performance.now();
    c = cpu();
    return `${(d / 1000).toFixed(2)} s (CPU ${(dc / 1000).toFixed(2)} s)`;
  };
  // the fraction path alone (every field built at once), then the product's (plain-number total, the
  // explanation when read), interleaved twice; CPU time of this process beside the wall time
  const paths: [string, typeof tallyFromAggregates][] = [
    ['fraction path', tallyFromAggregatesExact],
    ['tallyFromAggregates', tallyFromAggregates],
  ];
  const pathTimes: string[] = [];
  for (let round = 0; round < 2; round++)
    for (const [name, fn] of paths) {
      const c0 = cpu();
      const w0 = performance.now();
      for (let i = 0; i < n; i++) fn({ scheme, targetId: `t${i}`, groups: inputs[i]! });
      pathTimes.push(
        `${name} ${((performance.now() - w0) / 1000).toFixed(2)} s (CPU ${((cpu() - c0) / 1000).toFixed(2)} s)`,
      );
    }
  console.log(`${String(n).padStart(7)} targets: ${pathTimes.join(', ')}`);
  t = performance.now();
  c = cpu();
  const tallies: TargetTally[] = inputs.map((groups, i) =>
    tallyFromAggregates({ scheme, targetId: `t${i}`, groups }),
  );
  const tallyTime = lap();
  const members = tallies.map((tally, i) => ({
    targetId: tally.targetId,
    unitId: `u${i % units}`,
    parentId: `p${(i % units) % 7}`,
    tally,
  }));
  rankTargets(members);
  const rankTime = lap();
  proposeGrades({ scale, rule, targets: members });
  const proposeTime = lap();
  console.log(
    `${String(n).padStart(7)} targets: tallyFromAggregates ${tallyTime}, rankTargets ${rankTime}, proposeGrades ${proposeTime}`,
  );
}
