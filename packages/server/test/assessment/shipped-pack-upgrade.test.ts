import { PackSchema, shippedPacks } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureShippedPacks,
  sectionWithShippedFallback,
} from '../../src/modules/assessment/service/packs.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

// A database made by an earlier release holds the shipped packs without the sections this release added
// (从严管理 `discipline`, 事项流程 `workflow`). Start-up must bring those copies up to date, never touch a
// version the district saved itself, and the services fall back to the shipped section for such a version.
let t: TestApp;
const fengze = shippedPacks().find((p) => p.id === 'fengze')!;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bodyOf = async (effectiveFrom: string) =>
  (
    await t.db.admin.query<{ body: Record<string, unknown>; origin: string }>(
      `SELECT body, origin FROM policy_packs WHERE pack_id = 'fengze' AND effective_from = $1`,
      [effectiveFrom],
    )
  ).rows[0]!;

describe('[packs] shipped packs stored by an earlier release', () => {
  it('a shipped copy without the new sections gets them at start; an edited version keeps its body', async () => {
    const old = { ...fengze } as Record<string, unknown>;
    delete old.workflow;
    delete old.discipline;
    await t.db.admin.query(
      `UPDATE policy_packs SET body = $2 WHERE pack_id = 'fengze' AND effective_from = $1`,
      [fengze.version.effectiveFrom, JSON.stringify(old)],
    );
    const edited = { ...old, version: { effectiveFrom: '2026-06-01', note: '区里自定' } };
    await t.db.admin.query(
      `INSERT INTO policy_packs (pack_id, effective_from, body, origin) VALUES ('fengze', '2026-06-01', $1, 'edited')`,
      [JSON.stringify(edited)],
    );
    expect(Object.keys((await bodyOf(fengze.version.effectiveFrom)).body)).not.toContain('workflow');

    await ensureShippedPacks(t.db.pool);

    const shipped = await bodyOf(fengze.version.effectiveFrom);
    expect(shipped.origin).toBe('shipped');
    expect(shipped.body.workflow).toEqual(JSON.parse(JSON.stringify(fengze.workflow)));
    expect(shipped.body.discipline).toEqual(JSON.parse(JSON.stringify(fengze.discipline)));
    const mine = await bodyOf('2026-06-01');
    expect(mine.origin).toBe('edited');
    expect(Object.keys(mine.body)).not.toContain('workflow');
    expect(Object.keys(mine.body)).not.toContain('discipline');

    // the edited version falls back to the shipped sections of the same pack in force on the date
    const parsed = PackSchema.parse(mine.body);
    expect(sectionWithShippedFallback(parsed, '2026-11-02', 'workflow')?.caseKinds.tolerance).toEqual(
      fengze.workflow!.caseKinds.tolerance,
    );
    expect(sectionWithShippedFallback(parsed, '2026-11-02', 'discipline')).toEqual(fengze.discipline);
    await t.db.admin.query(
      `DELETE FROM policy_packs WHERE pack_id = 'fengze' AND effective_from = '2026-06-01'`,
    );
  });
});
