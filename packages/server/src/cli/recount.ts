import { readFileSync } from 'node:fs';
import {
  evaluateRound,
  packInForce,
  PackSchema,
  toDecimal,
  toFractionString,
  type RoundRulesInput,
  type StoredBallotScore,
} from '@ganbu/core';

/** JSON with object keys sorted (jsonb storage does not keep key order). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** The anonymous ballot export (GET /api/assessment/rounds/{id}/ballots.json). */
interface BallotExport {
  round: {
    id: string;
    name: string;
    periodEnd?: string;
    rules: RoundRulesInput & { scoreDecimals?: number };
  };
  targets: { id: string; unitId: string; parentUnitId: string | null; name: string }[];
  waivers: { targetId: string; groupId: string; reason: string }[];
  ballots: { id: string; groupId: string; scores: { targetId: string; points: number[] }[] }[];
}

/** The published results (GET /api/assessment/rounds/{id}/results), to compare against. */
interface PublishedResults {
  targets: { id: string; name: string; total: { fraction: string } | null; proposedGrade: string | null }[];
}

/**
 * 复核计票 (SECURITY 24): recompute every figure of a round from its anonymous ballot export and the rules,
 * optionally with the rules taken from a pack file instead of the export, and compare with the published
 * results. Needs no database. Returns the exit code: 0 when everything matches, 1 otherwise.
 */
export function recount(
  args: { in: string; results?: string | undefined; pack?: string | undefined },
  log: (line: string) => void = (line) => console.log(line),
): number {
  const data = JSON.parse(readFileSync(args.in, 'utf8')) as BallotExport;
  let rules: RoundRulesInput = data.round.rules;
  let ok = true;
  if (args.pack) {
    const raw = JSON.parse(readFileSync(args.pack, 'utf8')) as unknown;
    const versions = (Array.isArray(raw) ? raw : [raw]).map((v) => PackSchema.parse(v));
    const pack = packInForce(versions, data.round.periodEnd ?? '9999-12-31');
    const scheme = pack?.assessment.schemes.find((s) => s.id === data.round.rules.scheme.id);
    if (!pack || !scheme) {
      log(`政策包中没有本轮使用的考核方案 ${data.round.rules.scheme.id}`);
      return 1;
    }
    const fromPack: RoundRulesInput = {
      scheme,
      gradeScale: pack.assessment.gradeScales.find((g) => g.id === scheme.gradeScaleId)!,
      quotaRule: pack.assessment.quotaRules.find((q) => q.id === scheme.quotaRuleId) ?? null,
    };
    const same =
      canonical(fromPack) ===
      canonical({ scheme: rules.scheme, gradeScale: rules.gradeScale, quotaRule: rules.quotaRule });
    log(
      same
        ? `规则与政策包 ${pack.id}（${pack.version.effectiveFrom} 版）一致`
        : `注意：导出中的规则与政策包 ${pack.id} 不一致，按政策包重新计算`,
    );
    ok &&= same;
    rules = fromPack;
  }
  const scores: StoredBallotScore[] = data.ballots.flatMap((b) =>
    b.scores.map((s) => ({ ballotId: b.id, groupId: b.groupId, targetId: s.targetId, points: s.points })),
  );
  const ev = evaluateRound({ rules, targets: data.targets, scores, waivers: data.waivers });
  const decimals = rules.scheme.scoreDecimals;
  const rankOf = new Map(ev.ranking.ranked.map((r) => [r.targetId, r.populationRank]));
  const gradeOf = new Map(ev.proposal.proposals.map((p) => [p.targetId, p.grade]));
  log(`${data.round.name}：${data.targets.length} 个考核对象，${data.ballots.length} 张选票`);
  log(['排名', '姓名', '综合得分', '精确值', '建议等次'].join('\t'));
  for (const t of data.targets) {
    const tally = ev.tallies.get(t.id)!;
    log(
      [
        rankOf.get(t.id) ?? '-',
        t.name,
        tally.total ? toDecimal(tally.total, decimals) : '人数不足',
        tally.total ? toFractionString(tally.total) : '-',
        gradeOf.get(t.id) ?? '-',
      ].join('\t'),
    );
  }
  if (args.results) {
    const published = JSON.parse(readFileSync(args.results, 'utf8')) as PublishedResults;
    let mismatches = 0;
    for (const p of published.targets) {
      const tally = ev.tallies.get(p.id);
      const total = tally?.total ? toFractionString(tally.total) : null;
      if (
        !tally ||
        total !== (p.total?.fraction ?? null) ||
        (gradeOf.get(p.id) ?? null) !== p.proposedGrade
      ) {
        mismatches++;
        log(
          `不一致：${p.name} 公布 ${p.total?.fraction ?? '-'} / ${p.proposedGrade ?? '-'}，复核 ${total ?? '-'} / ${gradeOf.get(p.id) ?? '-'}`,
        );
      }
    }
    log(
      mismatches
        ? `复核发现 ${mismatches} 处不一致`
        : `复核一致：${published.targets.length} 个对象的得分和建议等次与公布结果相同`,
    );
    ok &&= mismatches === 0;
  }
  return ok ? 0 : 1;
}
