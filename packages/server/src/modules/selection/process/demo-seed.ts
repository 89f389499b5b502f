import { chinaToday, dayInfo } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import { addDays } from '@ganbu/core/calendar/dates';
import type { DemoSeedContext } from '../../../demo/context.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { loadWorkingCalendar } from '../../calendar/service.ts';
import { registerSelectionCaseHandlers } from './cases.ts';
import * as service from './service.ts';

/**
 * The demo district's selection processes, made as the product makes them (as 组织部, under the district's
 * pack — Fengze's 一般程序 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示 → 任职):
 *   - 第一个街道 街道办事处副主任: finished — two candidates, tallies, 考察, one chosen, the 公示 over, appointed
 *     three weeks ago (the registry updated, the post-appointment review scheduled a year on, in 组织部's inbox);
 *   - 第二个街道 党工委委员: in 任前公示 from today, with an objection received and not yet handled.
 * Candidates are cadres of the street with no discipline record or report (eligible for promotion) and no
 * account (the demo cadre's own record stays as other modules' demos show it).
 */
const CONTACT = '12380举报电话；来信请寄区委组织部干部监督科';

/** Two eligible cadres of the n-th street with a current post (none with a record or a report). */
async function streetAndCadres(ctx: DemoSeedContext, n: number) {
  const { rows: streets } = await ctx.client.query<{ id: string; name: string }>(
    `SELECT id, name FROM orgs WHERE kind = 'street' AND active ORDER BY path OFFSET $1 LIMIT 1`,
    [n],
  );
  const street = streets[0];
  if (!street) return null;
  const { rows } = await ctx.client.query<{ id: string }>(
    `SELECT c.id FROM cadres c
      WHERE c.org_id = $1 AND c.post_title <> ''
        AND EXISTS (SELECT 1 FROM cadre_appointments a WHERE a.cadre_id = c.id AND a.end_date IS NULL)
        AND NOT EXISTS (SELECT 1 FROM discipline_records d WHERE d.cadre_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM clarifications k WHERE k.cadre_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.cadre_id = c.id)
      ORDER BY c.name, c.id LIMIT 2`,
    [street.id],
  );
  return rows.length === 2 ? { street, cadreIds: rows.map((r) => r.id) } : null;
}

export async function seedDemoProcesses(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!orgdept) return;
  // the seed runs before (or without) the app's onReady: the cases' transitions must reach the guard
  registerSelectionCaseHandlers();
  const as = demoRequestContext(ctx, orgdept);
  const today = chinaToday(ctx.now);
  const first = await streetAndCadres(ctx, 0);
  const second = await streetAndCadres(ctx, 1);
  await setScope(client, orgdept);
  try {
    if (first) {
      await client.query('SAVEPOINT demo_selection');
      try {
        await finished(as, ctx.cipher, first.street.id, first.cadreIds, today);
        await client.query('RELEASE SAVEPOINT demo_selection');
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT demo_selection');
        process.stderr.write(`demo selection: the finished process was left out (${(e as Error).message})\n`);
      }
    }
    if (second) {
      await client.query('SAVEPOINT demo_selection');
      try {
        await inNotice(as, ctx.cipher, second.street.id, second.cadreIds, today);
        await client.query('RELEASE SAVEPOINT demo_selection');
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT demo_selection');
        process.stderr.write(`demo selection: the process in 公示 was left out (${(e as Error).message})\n`);
      }
    }
  } finally {
    await setSystemScope(client);
  }
}

/** 动议 → 民主推荐 → 考察 → 讨论决定: two candidates, the first chosen; answers the process at 任前公示. */
async function toNotice(
  ctx: RequestContext,
  cipher: FieldCipher,
  orgId: string,
  cadreIds: string[],
  title: string,
  postTitle: string,
) {
  let p = await service.createProcess(ctx, {
    kindId: 'plain',
    orgId,
    title,
    post: { title: postTitle, rank: '副科级', roleKind: 'team_member', isLeadership: true },
  });
  for (const cadreId of cadreIds) p = await service.addCandidate(ctx, p.id, { cadreId });
  const [a, b] = p.candidates;
  const approve = async () =>
    (p = await service.act(ctx, cipher, p.id, { action: 'approve', comment: '同意' }));
  await approve();
  p = await service.recordResults(ctx, p.id, 'recommendation', {
    results: [
      { candidateId: a!.id, votesFor: 46, votesAgainst: 3, votesAbstain: 1 },
      { candidateId: b!.id, votesFor: 31, votesAgainst: 15, votesAbstain: 4 },
    ],
  });
  await approve();
  p = await service.recordResults(ctx, p.id, 'inspection', {
    results: [
      { candidateId: a!.id, passed: true, finding: '政治素质好，工作实绩突出，群众公认度高' },
      { candidateId: b!.id, passed: true, finding: '工作认真负责，综合比较排序第二' },
    ],
  });
  await approve();
  p = await service.decide(ctx, p.id, { chosenCandidateIds: [a!.id] });
  await approve();
  return p;
}

/** The nearest working day on or after (step 1) or on or before (step -1) `date`: notices go up on one. */
async function workingDay(ctx: RequestContext, date: string, step: 1 | -1 = 1): Promise<string> {
  const cal = await loadWorkingCalendar(ctx.client);
  let d = date;
  while (!dayInfo(cal, d).working) d = addDays(d, step);
  return d;
}

async function finished(
  ctx: RequestContext,
  cipher: FieldCipher,
  orgId: string,
  cadreIds: string[],
  today: string,
) {
  const p = await toNotice(ctx, cipher, orgId, cadreIds, '街道办事处副主任选拔', '办事处副主任');
  await service.createNotice(ctx, p.id, {
    start: await workingDay(ctx, addDays(today, -40)),
    contact: CONTACT,
  });
  await service.act(ctx, cipher, p.id, { action: 'approve', comment: '公示期满无异议' });
  await service.act(ctx, cipher, p.id, {
    action: 'approve',
    comment: '按程序任职',
    appointedOn: await workingDay(ctx, addDays(today, -21)),
  });
}

async function inNotice(
  ctx: RequestContext,
  cipher: FieldCipher,
  orgId: string,
  cadreIds: string[],
  today: string,
) {
  const p = await toNotice(ctx, cipher, orgId, cadreIds, '街道党工委委员选拔', '党工委委员');
  const notice = await service.createNotice(ctx, p.id, {
    start: await workingDay(ctx, addDays(today, -2), -1),
    contact: CONTACT,
  });
  await service.createObjection(ctx, p.id, notice.id, {
    candidateId: p.candidates.find((c) => c.status === 'chosen')?.id ?? null,
    receivedOn: notice.start,
    channel: '来电',
    summary: '反映该同志在征迁工作中方法简单，群众有意见',
  });
}
