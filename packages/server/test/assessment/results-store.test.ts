import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageResults, storeResults } from '../../src/modules/assessment/repository/tally.ts';
import { cloneTestDb, type TestDb } from '../helpers.ts';

let db: TestDb;
beforeAll(async () => {
  db = await cloneTestDb();
});
afterAll(async () => db.drop());

describe('results staged by COPY', () => {
  it('carries backslashes, quotes, tabs and Chinese text through COPY unchanged, twice in one transaction', async () => {
    const rows = [
      {
        id: '00000000-0000-4000-8000-000000000001',
        grade: 'excellent',
        result: JSON.stringify({ reason: '经批准\t豁免 "甲"\\乙\n', total: '6921/80' }),
      },
      { id: '00000000-0000-4000-8000-000000000002', grade: null, result: '{"v":2,"path":"C:\\\\x"}' },
      { id: '00000000-0000-4000-8000-000000000003', grade: 'a\tb\\c\nd', result: '[]' },
    ];
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      // a second compute in the same transaction (the demo seed runs several) finds a fresh table
      await stageResults(client, 1, () => rows[0]!);
      await stageResults(client, rows.length, (i) => rows[i]!);
      const { rows: back } = await client.query<{ id: string; grade: string | null; result: string }>(
        'SELECT id, grade, result::text AS result FROM pg_temp.tally_results_stage ORDER BY id',
      );
      expect(back.map((r) => [r.id, r.grade, JSON.parse(r.result) as unknown])).toEqual(
        rows.map((r) => [r.id, r.grade, JSON.parse(r.result) as unknown]),
      );
      expect((JSON.parse(back[0]!.result) as { reason: string }).reason).toBe('经批准\t豁免 "甲"\\乙\n');
      expect(back[2]!.grade).toBe('a\tb\\c\nd');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('writes only the targets whose result or grades change, and clears an override', async () => {
    const { rows: round } = await db.admin.query<{ round_id: string }>(
      `SELECT round_id FROM assessment_targets GROUP BY round_id HAVING count(*) >= 3 ORDER BY round_id LIMIT 1`,
    );
    const roundId = round[0]!.round_id;
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('app.context', 'system', true), set_config('app.scope_mode', 'all', true)`,
      );
      const { rows: targets } = await client.query<{ id: string }>(
        `SELECT id FROM assessment_targets WHERE round_id = $1 ORDER BY sort_order, id`,
        [roundId],
      );
      const [same, changed, overridden] = targets;
      // a known state: every target with a result and grade; the third one overridden by the committee
      await client.query(
        `UPDATE assessment_targets SET result = '{"v":2,"k":1}', proposed_grade = 'good', final_grade = 'good',
                override_reason = NULL WHERE round_id = $1`,
        [roundId],
      );
      await client.query(
        `UPDATE assessment_targets SET final_grade = 'excellent', override_reason = '破格' WHERE id = $1`,
        [overridden!.id],
      );
      const staged = targets.map((t) => ({
        id: t.id,
        grade: 'good',
        result: t.id === changed!.id ? '{"v":2,"k":2}' : '{"k": 1, "v": 2}', // the same jsonb, spelt otherwise
      }));
      const written = await storeResults(client, roundId, staged.length, (i) => staged[i]!);
      // the changed result, and the overridden grade put back to the proposal; the others stay as they were
      expect(written).toBe(2);
      const { rows: after } = await client.query<{
        id: string;
        result: unknown;
        proposed_grade: string;
        final_grade: string;
        override_reason: string | null;
      }>(
        `SELECT id, result, proposed_grade, final_grade, override_reason FROM assessment_targets
          WHERE id = ANY($1::uuid[]) ORDER BY sort_order, id`,
        [[same!.id, changed!.id, overridden!.id]],
      );
      expect(after).toEqual([
        {
          id: same!.id,
          result: { v: 2, k: 1 },
          proposed_grade: 'good',
          final_grade: 'good',
          override_reason: null,
        },
        {
          id: changed!.id,
          result: { v: 2, k: 2 },
          proposed_grade: 'good',
          final_grade: 'good',
          override_reason: null,
        },
        {
          id: overridden!.id,
          result: { v: 2, k: 1 },
          proposed_grade: 'good',
          final_grade: 'good',
          override_reason: null,
        },
      ]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
