import { randomUUID } from 'node:crypto';
import { type GroupScoreAggregate, rational } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamTargetAggregates } from '../../src/modules/assessment/repository/tally-targets.ts';
import { tallyRound } from '../../src/modules/assessment/service/compute.ts';
import { findRound } from '../../src/modules/assessment/service/rounds.ts';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { asReader, jinanRound, readerActor } from './as-reader.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const q = async <T>(sql: string, params: unknown[] = []) => (await t.db.admin.query(sql, params)).rows as T[];

/** orgdept's actor, with its own scope or another one (a narrower reader of the same round). */
const actor = (scope?: { mode: Actor['scopeMode']; path: string }) => readerActor(t, 'orgdept', scope);
const asRequest = <T>(who: Actor, fn: (ctx: RequestContext) => Promise<T>) => asReader(t, who, fn);

const collect = (ctx: RequestContext, roundId: string) => {
  const rows: { id: string; unitId: string; groups: GroupScoreAggregate[] }[] = [];
  return streamTargetAggregates(ctx.client, roundId, ['leadership', 'colleagues'], (target, groups) =>
    rows.push({ id: target.id, unitId: target.unitId, groups }),
  ).then((n) => ({ n, rows }));
};

describe('[assessment] the tally statement: one row per target with its groups’ figures', () => {
  it('brings every target in the round’s order — one without a ballot too — under the reader’s scope only', async () => {
    const units = await q<{ id: string; path: string }>(
      `SELECT c.org_id AS id, o.path::text AS path FROM cadres c JOIN orgs o ON o.id = c.org_id
        WHERE c.deactivated_at IS NULL AND NOT EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id)
        GROUP BY c.org_id, o.path HAVING count(*) >= 2 ORDER BY count(*) DESC, c.org_id LIMIT 2`,
    );
    const [root] = await q<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
    const { roundId, targets } = await jinanRound(
      t,
      orgdept,
      '2026年第二季度平时考核（计票语句）',
      root!.id,
      units.map((u) => u.id),
    );
    const first = targets.filter((x) => x.unit_id === units[0]!.id);
    const second = targets.filter((x) => x.unit_id === units[1]!.id);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(second.length).toBeGreaterThanOrEqual(1);
    const [a, none] = first;
    const [c] = second;

    // ballots by total (hundredths): points split performance / attitude / discipline
    const ballots: { targetId: string; groupId: string; unitId: string; total: number }[] = [];
    const add = (target: { id: string; unit_id: string }, groupId: string, totals: number[]) => {
      for (const total of totals)
        ballots.push({ targetId: target.id, groupId, unitId: target.unit_id, total });
    };
    add(a!, 'leadership', [9000, 8500, 8800]);
    add(a!, 'colleagues', [8000, 8250, 7900]);
    add(c!, 'leadership', [7000, 7200, 7100, 7150]);
    add(c!, 'colleagues', [6000, 9000, 6500, 7000, 7050, 6950, 8000]);
    const insert = async (list: typeof ballots) => {
      const ids = list.map(() => randomUUID());
      await q(
        `INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
         SELECT id, $1, g, u, '2026-06-30' FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS x(id, g, u)`,
        [roundId, ids, list.map((b) => b.groupId), list.map((b) => b.unitId)],
      );
      await q(
        `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
         SELECT id, $1, g, tg, ARRAY[tot - 4000, 2000, 2000], tot
           FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::int[]) AS x(id, g, tg, tot)`,
        [roundId, ids, list.map((b) => b.groupId), list.map((b) => b.targetId), list.map((b) => b.total)],
      );
    };
    await insert(ballots);
    await q(`UPDATE assessment_rounds SET state = 'closed' WHERE id = $1`, [roundId]);

    const mine = await actor();
    const all = await asRequest(mine, (ctx) => collect(ctx, roundId));
    // every target, in sort_order, id — the order ranks and proposals keep among equals
    expect(all.n).toBe(targets.length);
    expect(all.rows.map((r) => r.id)).toEqual(targets.map((x) => x.id));
    const of = (id: string) => all.rows.find((r) => r.id === id)!.groups;
    expect(of(a!.id)).toEqual([
      {
        groupId: 'leadership',
        ballotCount: 3,
        sumHundredths: 26300,
        maxHundredths: 9000,
        minHundredths: 8500,
      },
      {
        groupId: 'colleagues',
        ballotCount: 3,
        sumHundredths: 24150,
        maxHundredths: 8250,
        minHundredths: 7900,
      },
    ]);
    expect(of(c!.id)).toEqual([
      {
        groupId: 'leadership',
        ballotCount: 4,
        sumHundredths: 28450,
        maxHundredths: 7200,
        minHundredths: 7000,
      },
      {
        groupId: 'colleagues',
        ballotCount: 7,
        sumHundredths: 50500,
        maxHundredths: 9000,
        minHundredths: 6000,
      },
    ]);
    expect(of(none!.id)).toEqual([]); // no ballot: still there, with no group

    // the tally: a by hand 0.7 × 263/3 + 0.3 × 161/2 (3 colleagues: below 7, the plain mean) = 5131/60;
    // c: 0.7 × 284.5/4 + 0.3 × (505 − 90 − 60)/5 = 0.7 × 569/8 + 0.3 × 71 = 3983/80 + 1704/80 = 5687/80;
    // the target without a ballot is insufficient, without a total
    const tally = await asRequest(mine, async (ctx) => tallyRound(ctx, await findRound(ctx.client, roundId)));
    expect(tally.targets.map((x) => x.id)).toEqual(targets.map((x) => x.id));
    expect(tally.tallies.get(a!.id)!.total).toEqual(rational(5131n, 60n));
    expect(tally.tallies.get(c!.id)!.total).toEqual(rational(5687n, 80n));
    const empty = tally.tallies.get(none!.id)!;
    expect([empty.status, empty.total, empty.ballotCount]).toEqual(['insufficient', null, 0]);
    expect(tally.aggregates[targets.findIndex((x) => x.id === none!.id)]).toEqual([]);

    // a reader whose scope is the second unit: none of the first unit's targets comes, whatever its ballots
    const narrow = await actor({ mode: 'subtree', path: units[1]!.path });
    const seen = await asRequest(narrow, (ctx) => collect(ctx, roundId));
    expect(seen.rows.map((r) => r.id)).toEqual(second.map((x) => x.id));
    expect(seen.rows.every((r) => r.unitId === units[1]!.id)).toBe(true);

    // a ballot of a rater group the scheme does not have is refused, not left out of the figures
    await insert([{ targetId: c!.id, groupId: 'public', unitId: c!.unit_id, total: 8000 }]);
    await expect(asRequest(mine, (ctx) => collect(ctx, roundId))).rejects.toThrow(
      `target ${c!.id}: 1 ballot score(s) of a rater group the scheme does not have`,
    );
  });
});
