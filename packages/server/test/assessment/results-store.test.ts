import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageResults } from '../../src/modules/assessment/repository/tally.ts';
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
});
