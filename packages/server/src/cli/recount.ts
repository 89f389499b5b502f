import { readFileSync } from 'node:fs';
import {
  evaluateRound,
  type GradeCode,
  gradeCountsOfVotes,
  gradeVoteScores,
  SchemeSchema,
  packInForce,
  PackSchema,
  parseFraction,
  toDecimal,
  toFractionString,
  type ExportTarget,
  type RoundRulesInput,
  type StoredBallotScore,
  type WithheldGroups,
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
  targets: ExportTarget[];
  waivers: { targetId: string; groupId: string; reason: string }[];
  ballots: {
    id: string;
    groupId: string;
    scores: { targetId: string; points: number[] }[];
    grades?: { targetId: string; grade: string }[];
  }[];
}

interface PublishedGroup {
  groupId: string;
  ballotCount: number;
  suppressed: boolean;
  value?: { fraction: string } | null;
}

/** The published results (GET /api/assessment/rounds/{id}/results), to compare against. */
interface PublishedResults {
  targets: {
    id: string;
    name: string;
    status?: string | null;
    total: { fraction: string } | null;
    totalWithheld?: boolean;
    rank?: { population: number } | null;
    proposedGrade: string | null;
    explanation?: { tally: { groups: PublishedGroup[] } } | null;
  }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * 复核计票 (SECURITY 24): recompute every published figure of a round from its anonymous ballot export and
 * the rules, optionally with the rules taken from a pack file instead of the export, and compare with the
 * published results: per target the status, the total, the rank and the proposed grade, and per rater group
 * the count, whether its figures are withheld, and the mean of every group that is shown. Groups the export
 * withholds for a target (SECURITY 31: fewer ballots than the minimum, or their partner) come as counts
 * and one combined contribution — the published total minus the shown part — so the total is recomputed
 * from the shown ballots plus that part, and the counts decide the status, the weights and which groups
 * must be withheld. A total that is itself withheld is not published and cannot be recounted (nor the grade
 * proposed from it). Needs no database. Returns the exit code: 0 when everything matches, 1 otherwise.
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
      minGroupSizeShown: pack.assessment.minGroupSizeShown,
    };
    const same =
      canonical(fromPack) ===
      canonical({
        scheme: rules.scheme,
        gradeScale: rules.gradeScale,
        quotaRule: rules.quotaRule,
        minGroupSizeShown: rules.minGroupSizeShown,
      });
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
  // a grade ballot's votes (一票一档) count as the points of their grade under the rules
  const votes = data.ballots.flatMap((b) =>
    (b.grades ?? []).map((g) => ({
      ballotId: b.id,
      groupId: b.groupId,
      targetId: g.targetId,
      grade: g.grade,
    })),
  );
  if (votes.length) scores.push(...gradeVoteScores(SchemeSchema.parse(rules.scheme), votes));
  // a vote-share rule pools each target's votes; for a withheld group's target the export gives the grade
  const gradeVotes =
    rules.scheme.ballotForm === 'grade'
      ? {
          counts: gradeCountsOfVotes(SchemeSchema.parse(rules.scheme), votes),
          given: new Map(
            data.targets.flatMap((t) =>
              t.withheld?.voteGrade !== undefined
                ? [[t.id, t.withheld.voteGrade as GradeCode | null] as const]
                : [],
            ),
          ),
        }
      : undefined;
  const withheld = new Map<string, WithheldGroups>();
  for (const t of data.targets)
    if (t.withheld?.groups.length)
      withheld.set(t.id, {
        counts: Object.fromEntries(t.withheld.groups.map((g) => [g.groupId, g.ballotCount])),
        contribution: t.withheld.contribution === null ? null : parseFraction(t.withheld.contribution),
      });
  const ev = evaluateRound({
    rules,
    targets: data.targets,
    scores,
    waivers: data.waivers,
    withheld,
    ...(gradeVotes ? { gradeVotes } : {}),
  });
  const decimals = rules.scheme.scoreDecimals;
  const rankOf = new Map(ev.ranking.ranked.map((r) => [r.targetId, r.populationRank]));
  const gradeOf = new Map(ev.proposal.proposals.map((p) => [p.targetId, p.grade]));
  const withheldBallots = data.targets.reduce(
    (n, t) => n + (t.withheld?.groups.reduce((k, g) => k + g.ballotCount, 0) ?? 0),
    0,
  );
  log(
    `${data.round.name}：${data.targets.length} 个考核对象，${data.ballots.length} 张选票` +
      (withheldBallots ? `（另有 ${withheldBallots} 个对象评分因评议组人数过少不单列，只给出合计）` : ''),
  );
  const given = gradeVotes?.given.size ?? 0;
  if (given)
    log(
      `${given} 个对象有评议组人数过少、选票不单列，其按得票率确定的等次取自导出（与综合得分的不单列部分一样）`,
    );
  log(['排名', '姓名', '综合得分', '精确值', '建议等次'].join('\t'));
  for (const t of data.targets) {
    const tally = ev.tallies.get(t.id)!;
    const hidden = ev.disclosures.get(t.id)!.totalWithheld && tally.status === 'sufficient';
    log(
      [
        rankOf.get(t.id) ?? '-',
        t.name,
        hidden ? '不公开' : tally.total ? toDecimal(tally.total, decimals) : '人数不足',
        tally.total ? toFractionString(tally.total) : '-',
        gradeOf.get(t.id) ?? '-',
      ].join('\t'),
    );
  }
  // the export withholds exactly what the counts call for
  for (const t of data.targets) {
    const expected = Object.keys(ev.disclosures.get(t.id)!.withheld);
    const given = t.withheld?.groups.map((g) => g.groupId) ?? [];
    if (!sameSet(expected, given)) {
      ok = false;
      log(
        `导出不一致：${t.name} 应不单列 ${expected.join('、') || '-'}，导出不单列 ${given.join('、') || '-'}`,
      );
    }
  }
  if (args.results) {
    const published = JSON.parse(readFileSync(args.results, 'utf8')) as PublishedResults;
    let mismatches = 0;
    let unverifiable = 0;
    for (const p of published.targets) {
      const tally = ev.tallies.get(p.id);
      const disclosure = ev.disclosures.get(p.id);
      if (!tally || !disclosure) {
        mismatches++;
        log(`不一致：${p.name} 不在选票导出中`);
        continue;
      }
      const total = tally.total ? toFractionString(tally.total) : null;
      const totalHidden = disclosure.totalWithheld && tally.status === 'sufficient';
      const problems: string[] = [];
      if (p.status !== undefined && p.status !== null && p.status !== tally.status)
        problems.push(`状态 公布 ${p.status}，复核 ${tally.status}`);
      if (totalHidden) {
        if (p.total !== null || p.totalWithheld !== true) problems.push('综合得分应不公开');
        unverifiable++;
      } else {
        if (total !== (p.total?.fraction ?? null))
          problems.push(`综合得分 公布 ${p.total?.fraction ?? '-'}，复核 ${total ?? '-'}`);
        if ((gradeOf.get(p.id) ?? null) !== p.proposedGrade)
          problems.push(`建议等次 公布 ${p.proposedGrade ?? '-'}，复核 ${gradeOf.get(p.id) ?? '-'}`);
      }
      if (p.rank !== undefined && (p.rank?.population ?? null) !== (rankOf.get(p.id) ?? null))
        problems.push(`排名 公布 ${p.rank?.population ?? '-'}，复核 ${rankOf.get(p.id) ?? '-'}`);
      for (const g of p.explanation?.tally.groups ?? []) {
        const mine = tally.groups.find((x) => x.groupId === g.groupId);
        const hidden = !!disclosure.withheld[g.groupId];
        if (!mine || mine.ballotCount !== g.ballotCount)
          problems.push(`${g.groupId} 票数 公布 ${g.ballotCount}，复核 ${mine?.ballotCount ?? '-'}`);
        if (g.suppressed !== hidden) problems.push(`${g.groupId} ${hidden ? '应不单列' : '应单列'}`);
        else if (!hidden && mine) {
          const value = mine.value ? toFractionString(mine.value) : null;
          if (value !== (g.value?.fraction ?? null))
            problems.push(`${g.groupId} 得分 公布 ${g.value?.fraction ?? '-'}，复核 ${value ?? '-'}`);
        }
      }
      if (problems.length) {
        mismatches++;
        log(`不一致：${p.name} ${problems.join('；')}`);
      }
    }
    if (unverifiable)
      log(
        `另有 ${unverifiable} 个对象只有一个评议组计分且该组人数过少，综合得分不公开，其得分和建议等次无法复核`,
      );
    log(
      mismatches
        ? `复核发现 ${mismatches} 处不一致`
        : `复核一致：${published.targets.length} 个对象的得分、排名、各组得分和建议等次与公布结果相同`,
    );
    ok &&= mismatches === 0;
  }
  return ok ? 0 : 1;
}
