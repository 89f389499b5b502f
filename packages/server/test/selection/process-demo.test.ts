import type { SelectionProcess, SelectionProcessDetail } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

/**
 * The demo district's selection processes (demo seed on 2026-11-01, a Sunday; Fengze's 一般程序):
 *   - 街道办事处副主任选拔: done, appointed on the first working day from 21 days before (2026-10-11 is a
 *     Sunday → 2026-10-12), the review due 12 months later, 2027-10-12;
 *   - 街道党工委委员选拔: in 任前公示 from the working day two days before (2026-10-30, Friday) for 5 working
 *     days (10-30, 11-02, 11-03, 11-04, 11-05; the weekend skipped) → 2026-11-05, running on the test clock's
 *     2026-11-02, with an objection received on the first day and open: both block the next step.
 */
let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const get = <T>(url: string) =>
  injectAs(t, s, { method: 'GET', url }).then((res) => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  });

describe('[selection] demo processes', () => {
  it('one finished with its appointment and review, one in 任前公示 with an open objection', async () => {
    const { items } = await get<{ items: SelectionProcess[] }>('/api/selection/processes');
    const byTitle = Object.fromEntries(items.map((p) => [p.title, p]));
    expect(byTitle['街道办事处副主任选拔']).toMatchObject({
      state: 'done',
      kindId: 'plain',
      packId: 'fengze',
      appointedOn: '2026-10-12',
    });
    expect(byTitle['街道党工委委员选拔']).toMatchObject({ state: 'open', currentStep: 'notice' });

    const done = await get<SelectionProcessDetail>(
      `/api/selection/processes/${byTitle['街道办事处副主任选拔']!.id}`,
    );
    expect(done.candidates.map((c) => c.status)).toEqual(['appointed', 'in']);
    const { rows } = await t.db.admin.query<{ due: string }>(
      `SELECT to_char(due_on, 'YYYY-MM-DD') AS due FROM selection_post_reviews WHERE process_id = $1`,
      [done.id],
    );
    expect(rows).toEqual([{ due: '2027-10-12' }]);

    const running = await get<SelectionProcessDetail>(
      `/api/selection/processes/${byTitle['街道党工委委员选拔']!.id}`,
    );
    expect(
      running.notices.map((n) => [n.start, n.end, n.running, n.objections.map((o) => o.status)]),
    ).toEqual([['2026-10-30', '2026-11-05', true, ['open']]]);
    expect(running.steps.find((x) => x.status === 'current')!.blockers.map((b) => b.code)).toEqual([
      'SELECTION_NOTICE_RUNNING',
      'SELECTION_OBJECTION_OPEN',
    ]);
    expect(running.actions.map((a) => a.action)).toContain('approve');
  });
});
