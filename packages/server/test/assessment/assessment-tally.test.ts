import { randomUUID } from 'node:crypto';
import {
  evaluateRound,
  isCompactResult,
  rational,
  toDecimal,
  type StoredBallotScore,
  type Waiver,
} from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, plainJson } from '../../src/modules/assessment/service/compute.ts';
import type { RoundRules } from '../../src/modules/assessment/service/rounds.ts';
import { explainedResult, type StoredResult } from '../../src/modules/assessment/service/stored-results.ts';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

/** mulberry32: the same round on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ballot {
  id: string;
  groupId: 'leadership' | 'colleagues';
  unitId: string;
  targetId: string;
  /** hundredths: performance /60, attitude /20, discipline /20 (Jinan 平时考核) */
  points: [number, number, number];
}

/** JSON of a stored or recomputed tally without what only the ballot-level path lists (ballot ids). */
function comparable(tally: Record<string, unknown>, withCriteria: boolean): unknown {
  const groups = (tally.groups as Record<string, unknown>[]).map((g) => {
    const {
      aggregated: _a,
      usedBallotIds: _u,
      trimmed,
      ...aggregate
    } = g.aggregate as Record<string, unknown>;
    const tr = trimmed as { highest: { hundredths: string }; lowest: { hundredths: string } } | null;
    return {
      ...g,
      criterionMeans: withCriteria ? g.criterionMeans : null,
      aggregate: {
        ...aggregate,
        trimmed: tr && { highest: tr.highest.hundredths, lowest: tr.lowest.hundredths },
      },
    };
  });
  return { ...tally, groups, criterionMeans: withCriteria ? tally.criterionMeans : null };
}

describe('[assessment] tally from database aggregates', () => {
  it('stores, for every target, the figures a ballot-level recount computes — trimmed, insufficient, waived, tied', async () => {
    const q = async <T>(sql: string, params: unknown[] = []) =>
      (await t.db.admin.query(sql, params)).rows as T[];
    // four units with the most cadres: Jinan 平时考核 of their staff (leadership 70 % mean, colleagues 30 %
    // trimmed from 7 ballots; 40 % 好 per unit, half up, remainders pooled; ties by leadership, then performance)
    const units = await q<{ id: string }>(
      `SELECT c.org_id AS id FROM cadres c JOIN orgs o ON o.id = c.org_id
        WHERE c.deactivated_at IS NULL AND NOT EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id)
        GROUP BY c.org_id ORDER BY count(*) DESC, c.org_id LIMIT 4`,
    );
    const [root] = await q<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
    const created = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/assessment/rounds',
      payload: {
        name: '2026年第二季度平时考核（计票核对）',
        packId: 'jinan',
        schemeId: 'town-regular',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        orgId: root!.id,
        population: { unitIds: units.map((u) => u.id) },
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const roundId = created.json<{ id: string }>().id;
    const targets = await q<{ id: string; unit_id: string; parent_unit_id: string | null }>(
      `SELECT id, unit_id, parent_unit_id FROM assessment_targets WHERE round_id = $1 ORDER BY sort_order, id`,
      [roundId],
    );
    expect(targets.length).toBeGreaterThan(20);

    const rand = prng(2026);
    const ballots: Ballot[] = [];
    const add = (
      target: (typeof targets)[number],
      groupId: Ballot['groupId'],
      points: Ballot['points'][],
    ) => {
      for (const p of points)
        ballots.push({ id: randomUUID(), groupId, unitId: target.unit_id, targetId: target.id, points: p });
    };
    /** a ballot for `total` whole points: performance ≈ 60 %, the rest split, shifted by `skew` */
    const split = (total: number, skew = 0): Ballot['points'] => {
      const perf = Math.min(60, total, Math.max(total - 40, Math.round(total * 0.6) + skew));
      const rest = total - perf;
      const att = Math.min(20, Math.ceil(rest / 2));
      return [perf * 100, att * 100, (rest - att) * 100];
    };
    const randomBallots = (n: number, base: number) =>
      Array.from({ length: n }, () => split(base + Math.floor(rand() * 9) - 4, Math.floor(rand() * 5) - 2));

    // the first unit: a tie on total and on the leadership score for its last place of 好, settled by the
    // performance means — which depend on which of two equal highest ballots the trimmed mean drops
    const first = targets.filter((x) => x.unit_id === units[0]!.id);
    const places = Math.floor((first.length * 40 + 50) / 100); // 40 %, half up
    const [twinA, twinB] = [first[places - 1]!, first[places]!];
    first.forEach((x, i) => {
      if (x === twinA || x === twinB) return;
      add(
        x,
        'leadership',
        Array.from({ length: 3 }, () => split(i < places - 1 ? 98 : 75)),
      );
      add(x, 'colleagues', randomBallots(9, i < places - 1 ? 96 : 74));
    });
    for (const [twin, skew] of [
      [twinA, 2],
      [twinB, -2],
    ] as const) {
      add(twin, 'leadership', [split(91), split(91), split(91)]);
      // 95, 95 (split differently), 92, 92, 90, 90, 90, 88, 85 → drop one 95 and 85: 630/7 = 90 → 90.7
      add(twin, 'colleagues', [
        split(95, 3),
        split(95, -3),
        split(92, skew),
        split(92, skew),
        split(90, skew),
        split(90),
        split(90),
        split(88, skew),
        split(85),
      ]);
    }

    // the other units: random scores, and the cases at the edges of the rules
    const others = targets.filter((x) => x.unit_id !== units[0]!.id);
    const [fewLeaders, waived, noColleagues, fiveColleagues, twoColleagues, allEqual] = others;
    others.forEach((x) => {
      const leaders = x === fewLeaders || x === waived ? 2 : 3 + Math.floor(rand() * 4);
      const colleagues =
        x === noColleagues
          ? 0
          : x === fiveColleagues
            ? 5
            : x === twoColleagues
              ? 2
              : 7 + Math.floor(rand() * 40);
      const base = 80 + Math.floor(rand() * 16);
      add(x, 'leadership', randomBallots(leaders, base));
      if (x === allEqual)
        add(
          x,
          'colleagues',
          Array.from({ length: colleagues }, (_, k) => split(base, (k % 5) - 2)),
        );
      else add(x, 'colleagues', randomBallots(colleagues, base));
    });
    expect(ballots.length).toBeGreaterThan(1000);

    await t.db.admin.query(
      `INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
       SELECT id, $1, g, u, '2026-06-30' FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS x(id, g, u)`,
      [roundId, ballots.map((b) => b.id), ballots.map((b) => b.groupId), ballots.map((b) => b.unitId)],
    );
    await t.db.admin.query(
      `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
       SELECT id, $1, g, tg, ARRAY[p1, p2, p3], p1 + p2 + p3
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::int[], $6::int[], $7::int[]) AS x(id, g, tg, p1, p2, p3)`,
      [
        roundId,
        ballots.map((b) => b.id),
        ballots.map((b) => b.groupId),
        ballots.map((b) => b.targetId),
        ...[0, 1, 2].map((k) => ballots.map((b) => b.points[k])),
      ],
    );
    await t.db.admin.query(
      `INSERT INTO assessment_waivers (round_id, target_id, group_id, reason)
       VALUES ($1, $2, 'leadership', '领导班子成员二人外出学习，经考核委员会同意按实到人数评议')`,
      [roundId, waived!.id],
    );
    await t.db.admin.query(`UPDATE assessment_rounds SET state = 'closed' WHERE id = $1`, [roundId]);

    const computed = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/assessment/rounds/${roundId}/transition`,
      payload: { action: 'compute' },
    });
    expect(computed.statusCode, computed.body).toBe(200);

    // the ballot-level recount: every ballot, ordered by id as in the anonymous export
    const [{ rules, summary }] = (await q<{ rules: RoundRules; summary: Record<string, unknown> }>(
      `SELECT rules, summary FROM assessment_rounds WHERE id = $1`,
      [roundId],
    )) as [{ rules: RoundRules; summary: Record<string, unknown> }];
    const scores = await q<StoredBallotScore>(
      `SELECT target_id AS "targetId", ballot_id AS "ballotId", group_id AS "groupId", points
         FROM ballot_scores WHERE round_id = $1 ORDER BY ballot_id`,
      [roundId],
    );
    const waivers = await q<Waiver>(
      `SELECT target_id AS "targetId", group_id AS "groupId", reason FROM assessment_waivers WHERE round_id = $1`,
      [roundId],
    );
    const ev = evaluateRound({
      rules,
      targets: targets.map((x) => ({ id: x.id, unitId: x.unit_id, parentUnitId: x.parent_unit_id })),
      scores,
      waivers,
    });
    const decimals = rules.scheme.scoreDecimals;
    const rows = await q<{
      id: string;
      unit_id: string;
      parent_unit_id: string | null;
      result: StoredResult;
      proposed_grade: string | null;
    }>(
      `SELECT id, unit_id, parent_unit_id, result, proposed_grade FROM assessment_targets WHERE round_id = $1`,
      [roundId],
    );
    expect(rows).toHaveLength(targets.length);
    // compact figures for the targets tallied from aggregates, whole results for those recounted from
    // ballots (a criterionScore tie), each well under the ~2.6 kB of a whole explanation
    const compact = rows.filter((r) => isCompactResult(r.result));
    expect(compact.length).toBeGreaterThan(targets.length / 2);
    for (const r of compact) expect(JSON.stringify(r.result).length, r.id).toBeLessThan(600);
    const stored = rows.map((r) => ({ ...r, result: explainedResult(rules.scheme, r)! }));

    const rankOf = new Map(ev.ranking.ranked.map((r) => [r.targetId, r]));
    const proposalOf = new Map(ev.proposal.proposals.map((p) => [p.targetId, p]));
    let withCriteria = 0;
    for (const s of stored) {
      const ref = plain(ev.tallies.get(s.id), decimals) as Record<string, unknown>;
      // criterion means: only where a criterionScore tie-break needed them, then from the ballots
      const hasCriteria = Object.keys(s.result.tally.criterionMeans as object).length > 0;
      if (hasCriteria) withCriteria++;
      expect(comparable(s.result.tally, hasCriteria), s.id).toEqual(comparable(ref, hasCriteria));
      const rank = rankOf.get(s.id);
      expect(s.result.rank).toEqual(
        rank
          ? {
              population: rank.populationRank,
              of: rank.populationSize,
              unit: rank.unitRank,
              ofUnit: rank.unitSize,
            }
          : null,
      );
      expect(s.result.proposal).toEqual(plain(proposalOf.get(s.id), decimals));
      expect(s.proposed_grade).toBe(proposalOf.get(s.id)?.grade ?? null);
    }
    // the JSON written for every target is plain()'s, byte for byte
    expect(plainJson(ev, decimals)).toBe(JSON.stringify(plain(ev, decimals)));
    expect(summary).toEqual(
      plain(
        { plan: ev.proposal.plan, allocations: ev.proposal.allocations, boundaries: ev.proposal.boundaries },
        decimals,
      ),
    );

    // the cases are there
    const tallyOf = (id: string) => ev.tallies.get(id)!;
    expect(tallyOf(fewLeaders!.id).status).toBe('insufficient');
    expect(tallyOf(twoColleagues!.id).status).toBe('insufficient');
    expect(tallyOf(waived!.id)).toMatchObject({ status: 'sufficient' });
    expect(tallyOf(waived!.id).groups[0]!.waiver?.applied).toBe(true);
    expect(tallyOf(noColleagues!.id).explanation.renormalised).not.toBeNull();
    expect(tallyOf(fiveColleagues!.id).groups[1]!.aggregate.fallback).not.toBeNull();
    expect(tallyOf(allEqual!.id).groups[1]!.aggregate.trimmed).not.toBeNull();
    const trimmedGroups = [...ev.tallies.values()].filter((x) => x.groups[1]!.aggregate.trimmed).length;
    expect(trimmedGroups).toBeGreaterThan(targets.length / 2);
    // the twins: same total, same leadership score; the performance means decide, exactly as the recount
    expect(tallyOf(twinA.id).total).toEqual(tallyOf(twinB.id).total);
    const boundary = ev.proposal.boundaries.find((b) => b.tied.includes(twinA.id))!;
    expect(boundary.tied.sort()).toEqual([twinA.id, twinB.id].sort());
    expect(boundary.steps.map((x) => [x.tieBreak.by, x.outcome])).toEqual([
      ['groupScore', 'applied'],
      ['criterionScore', 'applied'],
    ]);
    expect(boundary.awarded).toEqual([twinA.id]);
    // only the tied targets were recounted from their ballots
    expect(withCriteria).toBe(2);
  });

  it('formats figures as core toDecimal does (half up, away from zero)', () => {
    const rand = prng(11);
    for (let i = 0; i < 2000; i++) {
      const den = 1 + Math.floor(rand() * (i % 2 ? 40 : 5000));
      const num = Math.floor((rand() - 0.3) * 2_000_000);
      const r = rational(num, den);
      for (const d of [0, 1, 2, 4])
        expect((plain(r, d) as { value: string }).value, `${num}/${den} @${d}`).toBe(toDecimal(r, d));
    }
    for (const [num, den, d, text] of [
      [-1, 3, 0, '0'],
      [-1, 200, 2, '-0.01'],
      [-1, 201, 2, '0.00'],
      [5, 2, 0, '3'],
      [-5, 2, 0, '-3'],
      [1, 8, 2, '0.13'],
    ] as const)
      expect((plain(rational(num, den), d) as { value: string }).value).toBe(text);
  });
});
