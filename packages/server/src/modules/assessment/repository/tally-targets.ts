import type { GroupScoreAggregate } from '@ganbu/core';
import type pg from 'pg';
import { PLANNER_SETTINGS, withSettings } from './tally.ts';
import type { TallyTarget } from './targets.ts';

/**
 * A round's targets and their ballots' aggregates in one statement (计票 of a score-ballot round): one row
 * per target — its unit, parent unit and cadre, and per rater group of the scheme the count, Σ, highest
 * and lowest ballot total — in the round's order (sort_order, id). One pass over `ballot_scores` grouped
 * by target (half the groups of a (target, group) aggregate, the groups' figures side by side as
 * columns), joined to the targets: a target without a ballot comes with zero counts. Read through a
 * cursor in the caller's transaction, so row-level security applies to both tables (a target the reader
 * may not see does not come, whatever its ballots), and Node holds one batch of rows at a time.
 */

/**
 * The setting that names the round whose ballots a statement reads (migration 0036): `ballot_scores`'s
 * policy then checks once per statement that the round is visible — the same rule it otherwise checks per
 * ballot row through a hashed sub-plan (~0.1–0.15 s over 2,000,000 rows). It admits nothing more: naming a
 * round the reader may not see changes nothing.
 */
export const BALLOT_ROUND_HINT = 'app.ballot_round';

/** Rows per FETCH: a bounded batch in memory, few enough round trips not to count. */
const FETCH_ROWS = 20_000;

/**
 * The statement for a scheme of `groups` rater groups ($2 … $k+1: their ids, in scheme order): per target
 * the count of its ballots of a group the scheme does not have (NULL when none — such a ballot is refused,
 * as `tallyFromAggregates` refuses an unknown group), and per group the FILTERed count, Σ, highest and
 * lowest total. Σ comes as float8: exact, as Σ ≤ count × 10,000 < 2^31 × 10^4 < 2^53 (a count past 2^31
 * fails the int cast), and read by parseFloat rather than as int8 text checked by a regular expression.
 * Each ballot row's group is compared once, in a sub-select (OFFSET 0: its flags computed in the scan), so
 * the aggregate's filters test a boolean (measured: about the baseline's own cost, where comparing text in
 * every filter costs some 20 % more).
 */
export function targetAggregateSql(groups: number): string {
  const flags: string[] = [];
  const cols: string[] = [];
  const outer: string[] = [];
  for (let i = 0; i < groups; i++) {
    flags.push(`, group_id = $${i + 2} AS g${i}`);
    const f = `FILTER (WHERE g${i})`;
    cols.push(
      `, count(*) ${f}::int AS n${i}, sum(total) ${f}::float8 AS s${i}, max(total) ${f} AS hi${i}, min(total) ${f} AS lo${i}`,
    );
    outer.push(`, a.n${i}, a.s${i}, a.hi${i}, a.lo${i}`);
  }
  const known = flags.length
    ? `g0${flags
        .slice(1)
        .map((_, i) => ` OR g${i + 1}`)
        .join('')}`
    : 'false';
  return `SELECT t.id, t.unit_id, t.parent_unit_id, t.cadre_id, a.other${outer.join('')}
  FROM assessment_targets t
  LEFT JOIN (SELECT target_id, nullif(count(*) FILTER (WHERE NOT (${known})), 0)::int AS other${cols.join('')}
               FROM (SELECT target_id, total${flags.join('')}
                       FROM ballot_scores WHERE round_id = $1 OFFSET 0) b
              GROUP BY target_id) a ON a.target_id = t.id
 WHERE t.round_id = $1
 ORDER BY t.sort_order, t.id`;
}

let cursorSeq = 0;

/**
 * Streams the round's targets the reader may see, each with what its tally is computed from — one
 * aggregate per rater group it has ballots of (groups without a ballot left out) — in the round's order,
 * into `onTarget`. `groupIds`: the scheme's rater groups. Returns the number of targets.
 */
export async function streamTargetAggregates(
  client: pg.ClientBase,
  roundId: string,
  groupIds: readonly string[],
  onTarget: (target: TallyTarget, groups: GroupScoreAggregate[]) => void,
): Promise<number> {
  const cursor = `tally_targets_${process.pid}_${++cursorSeq}`;
  const k = groupIds.length;
  return withSettings(client, { ...PLANNER_SETTINGS, [BALLOT_ROUND_HINT]: roundId }, async () => {
    let count = 0;
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${targetAggregateSql(k)}`, [
      roundId,
      ...groupIds,
    ]);
    for (;;) {
      const { rows } = await client.query<unknown[]>({
        text: `FETCH ${FETCH_ROWS} FROM ${cursor}`,
        rowMode: 'array',
      });
      if (rows.length === 0) break;
      count += rows.length;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const id = row[0] as string;
        if (row[4] !== null)
          throw new RangeError(
            `target ${id}: ${row[4] as number} ballot score(s) of a rater group the scheme does not have`,
          );
        const groups: GroupScoreAggregate[] = [];
        for (let i = 0, c = 5; i < k; i++, c += 4) {
          const n = row[c] as number | null;
          if (!n) continue;
          groups.push({
            groupId: groupIds[i]!,
            ballotCount: n,
            // plain numbers (safe integers: see the statement), no BigInt per figure
            sumHundredths: row[c + 1] as number,
            maxHundredths: row[c + 2] as number,
            minHundredths: row[c + 3] as number,
          });
        }
        onTarget(
          {
            id,
            unitId: row[1] as string,
            parentUnitId: row[2] as string | null,
            cadreId: row[3] as string | null,
          },
          groups,
        );
      }
      if (rows.length < FETCH_ROWS) break;
    }
    await client.query(`CLOSE ${cursor}`);
    return count;
  });
}
