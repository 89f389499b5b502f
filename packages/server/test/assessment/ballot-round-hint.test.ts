import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BALLOT_ROUND_HINT,
  streamTargetAggregates,
} from '../../src/modules/assessment/repository/tally-targets.ts';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { asReader, jinanRound, readerActor } from './as-reader.ts';
import { createTestApp, expectError, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

/**
 * Migration 0036: `ballot_scores`'s policy checks once per statement that the round named in
 * app.ballot_round is visible, instead of once per ballot row. The same rule: naming a round admits
 * nothing the reader could not read without naming it.
 */
let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const q = async <T>(sql: string, params: unknown[] = []) => (await t.db.admin.query(sql, params)).rows as T[];

/** The actor of a seeded user, with its own scope or a narrower one. */
const actor = (username: string, scope?: { mode: Actor['scopeMode']; path: string }) =>
  readerActor(t, username, scope);
const asRequest = <T>(who: Actor, fn: (ctx: RequestContext) => Promise<T>) => asReader(t, who, fn);

/** A closed round organised by the street at `streetPath`, over two of its units, with 3 ballots per target. */
async function roundOfStreet(streetPath: string, name: string) {
  const [street] = await q<{ id: string }>(`SELECT id FROM orgs WHERE path = $1::ltree`, [streetPath]);
  const units = await q<{ id: string; path: string }>(
    `SELECT o.id, o.path::text AS path FROM orgs o
      WHERE o.path <@ $1::ltree AND o.path <> $1::ltree AND NOT EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id)
        AND EXISTS (SELECT 1 FROM cadres c WHERE c.org_id = o.id AND c.deactivated_at IS NULL)
      ORDER BY o.path LIMIT 2`,
    [streetPath],
  );
  expect(units.length).toBe(2);
  const { roundId, targets } = await jinanRound(
    t,
    orgdept,
    name,
    street!.id,
    units.map((u) => u.id),
  );
  // one leadership ballot per target, totals 8000, 8100, 8200 …: Σ known per target
  const ids = targets.flatMap(() => [randomUUID(), randomUUID(), randomUUID()]);
  const rows = ids.map((id, i) => ({ id, target: targets[Math.floor(i / 3)]!, total: 8000 + 100 * (i % 3) }));
  await q(
    `INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
     SELECT id, $1, 'leadership', u, '2026-06-30' FROM unnest($2::uuid[], $3::uuid[]) AS x(id, u)`,
    [roundId, ids, rows.map((r) => r.target.unit_id)],
  );
  await q(
    `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
     SELECT id, $1, 'leadership', tg, ARRAY[tot - 4000, 2000, 2000], tot
       FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(id, tg, tot)`,
    [roundId, ids, rows.map((r) => r.target.id), rows.map((r) => r.total)],
  );
  await q(`UPDATE assessment_rounds SET state = 'closed' WHERE id = $1`, [roundId]);
  return { roundId, units, targets, ballots: ids.length };
}

/** The ballot scores the reader sees, per round, with app.ballot_round naming `hint` (or nothing). */
async function visibleScores(ctx: RequestContext, hint: string | null): Promise<Record<string, number>> {
  await ctx.client.query(`SELECT set_config($1, $2, true)`, [BALLOT_ROUND_HINT, hint ?? '']);
  const { rows } = await ctx.client.query<{ round_id: string; n: number }>(
    `SELECT round_id, count(*)::int AS n FROM ballot_scores GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.round_id, r.n]));
}

describe('[assessment] ballot scores read under a named round (0036): the same rule, checked once', () => {
  it('admits exactly what the per-row rule admits, whatever round is named', async () => {
    const a = await roundOfStreet('QY.S01', '2026年第二季度平时考核（街道一，轮次提示）');
    const b = await roundOfStreet('QY.S02', '2026年第二季度平时考核（街道二，轮次提示）');
    const street1 = await actor('street1');
    const street2 = await actor('street2');
    const all = await actor('orgdept');

    // what each reader sees with no round named: the per-row rule alone (the seeded rounds too)
    const plain = {
      street1: await asRequest(street1, (ctx) => visibleScores(ctx, null)),
      street2: await asRequest(street2, (ctx) => visibleScores(ctx, null)),
      all: await asRequest(all, (ctx) => visibleScores(ctx, null)),
    };
    expect([plain.street1[a.roundId], plain.street1[b.roundId]]).toEqual([a.ballots, undefined]);
    expect([plain.street2[a.roundId], plain.street2[b.roundId]]).toEqual([undefined, b.ballots]);
    expect([plain.all[a.roundId], plain.all[b.roundId]]).toEqual([a.ballots, b.ballots]);
    // naming its own round, another street's round (which it may not see) or a round that does not exist:
    // each reader sees exactly that, no more
    for (const hint of [a.roundId, b.roundId, randomUUID()]) {
      expect(await asRequest(street1, (ctx) => visibleScores(ctx, hint)), hint).toEqual(plain.street1);
      expect(await asRequest(street2, (ctx) => visibleScores(ctx, hint)), hint).toEqual(plain.street2);
      expect(await asRequest(all, (ctx) => visibleScores(ctx, hint)), hint).toEqual(plain.all);
    }
    // a reader whose scope is one of round a's units sees the round (its targets are in scope) but not its
    // ballots (they belong to the organiser's scope): naming the round changes nothing — the scope test in
    // the named-round operand is what refuses it; without it this would be every ballot of round a
    const unitReader = await actor('street1', { mode: 'subtree', path: a.units[1]!.path });
    const ofUnit = await asRequest(unitReader, (ctx) => visibleScores(ctx, null));
    expect(ofUnit[a.roundId]).toBeUndefined();
    expect(await asRequest(unitReader, (ctx) => visibleScores(ctx, a.roundId))).toEqual(ofUnit);
    // another street asking for the first street's round by name: nothing
    expect(
      await asRequest(street2, async (ctx) => {
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [BALLOT_ROUND_HINT, a.roundId]);
        return (
          await ctx.client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ballot_scores WHERE round_id = $1`,
            [a.roundId],
          )
        ).rows[0]!.n;
      }),
    ).toBe(0);
    // no scope set: nothing, named or not
    const none = { ...street1, scopeMode: '' as Actor['scopeMode'] };
    expect(await asRequest(none, (ctx) => visibleScores(ctx, a.roundId))).toEqual({});
  });

  it('the tally statement: the organiser gets every target’s figures, a narrower scope only its targets, another street nothing', async () => {
    const a = await roundOfStreet('QY.S01', '2026年第三季度平时考核（街道一，计票）');
    const collect = (who: Actor) =>
      asRequest(who, async (ctx) => {
        const rows: { id: string; unitId: string; n: number; sum: number }[] = [];
        await streamTargetAggregates(ctx.client, a.roundId, ['leadership', 'colleagues'], (x, groups) =>
          rows.push({
            id: x.id,
            unitId: x.unitId,
            n: groups.reduce((s, g) => s + g.ballotCount, 0),
            sum: groups.reduce((s, g) => s + Number(g.sumHundredths), 0),
          }),
        );
        // the named round is put back after the statement
        const after = await ctx.client.query<{ v: string | null }>(`SELECT current_setting($1, true) AS v`, [
          BALLOT_ROUND_HINT,
        ]);
        return { rows, hint: after.rows[0]!.v };
      });

    // the organiser: every target, 3 leadership ballots each, Σ 8000 + 8100 + 8200 = 24300
    const mine = await collect(await actor('street1'));
    expect(mine.rows.map((r) => r.id)).toEqual(a.targets.map((x) => x.id));
    expect(mine.rows.every((r) => r.n === 3 && r.sum === 24300)).toBe(true);
    expect(mine.hint).toBe('');

    // a reader whose scope is one of the round's units: only that unit's targets, and no ballot figures
    // (ballots belong to the round's organiser, the street)
    const unit = a.units[1]!;
    const narrow = await collect(await actor('street1', { mode: 'subtree', path: unit.path }));
    const ofUnit = a.targets.filter((x) => x.unit_id === unit.id).map((x) => x.id);
    expect(ofUnit.length).toBeGreaterThan(0);
    expect(narrow.rows.map((r) => r.id)).toEqual(ofUnit);
    expect(narrow.rows.every((r) => r.n === 0)).toBe(true);

    // another street: no target, no figure; through the API its compute finds no round (as before 0036)
    const other = await collect(await actor('street2'));
    expect(other.rows).toEqual([]);
    const street2 = await loginAs(t, 'street2');
    expectError(
      await injectAs(t, street2, {
        method: 'POST',
        url: `/api/assessment/rounds/${a.roundId}/transition`,
        payload: { action: 'compute' },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('the policy checks the named round once per statement: no per-row sub-plan runs', async () => {
    const a = await roundOfStreet('QY.S01', '2026年第四季度平时考核（街道一，计划）');
    const plan = async (hint: string | null) =>
      asRequest(await actor('street1'), async (ctx) => {
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [BALLOT_ROUND_HINT, hint ?? '']);
        await ctx.client.query(`SET LOCAL enable_indexscan = off`);
        await ctx.client.query(`SET LOCAL enable_bitmapscan = off`);
        const { rows } = await ctx.client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
           SELECT count(*) FROM ballot_scores WHERE round_id = $1`,
          [a.roundId],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    // the scan's filter: the named round's key (an InitPlan), or the per-row rule's hashed sub-plan
    const perRowSubPlan = (text: string) => {
      const filter = /Seq Scan on ballot_scores.*\n\s+Filter: (.*)/.exec(text)?.[1] ?? '';
      expect(filter).toMatch(/\(round_id = (\(InitPlan \d+\)\.col1|\$\d+)\) OR \(/);
      const k = /hashed SubPlan (\d+)/.exec(filter)?.[1];
      expect(k).toBeDefined();
      // the first line of that sub-plan's node: "(never executed)" or its actual rows
      return new RegExp(`SubPlan ${k}\\n\\s+->  ([^\\n]*)`).exec(text)?.[1] ?? '';
    };
    // named: the per-row rule's sub-plan never runs; not named: it runs (once, hashed)
    expect(perRowSubPlan(await plan(a.roundId))).toMatch(
      /^Seq Scan on assessment_rounds \w+ \(never executed\)$/,
    );
    expect(perRowSubPlan(await plan(null))).toMatch(
      /^Seq Scan on assessment_rounds \w+ \(actual rows=[\d.]+ loops=1\)$/,
    );
  });
});
