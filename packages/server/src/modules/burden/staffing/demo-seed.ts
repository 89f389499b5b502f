import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import { DEMO_PASSWORD } from '../../../demo/accounts.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import type { Actor, RequestContext } from '../../../platform/context.ts';
import { hashPassword } from '../../../platform/password-hash.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { insertUser } from '../../users/repository.ts';
import { actOnCase } from '../../workflow/service.ts';
import { requestBorrowing } from './borrowings.ts';
import { registerBorrowingCaseHandlers } from './cases.ts';

const DAY = 86_400_000;

/** The demo department administrator (区发展和改革局) who asks to borrow street cadres. */
export const DEMO_DEPT_ADMIN = 'dept1';

/**
 * The demo district's `burden/staffing/` part (after cadres and accounts):
 * - 编制所在单位: every demo cadre's establishment is their working unit, except four cadres of the first
 *   street's establishment who work in district departments (专编专用 finds them);
 * - a department administrator account `dept1` (区发展和改革局, 本单位, the README's password);
 * - two borrowings of the first street's cadres by 区发展和改革局: one for district-level central work
 *   approved by the street and 组织部 three months ago, due back a week ago and not returned (overdue), and
 *   one special task approved by the district committee waiting for the street's opinion.
 */
export async function seedDemoStaffing(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  await setSystemScope(client);
  await client.query(`UPDATE cadres SET establishment_org_id = org_id WHERE establishment_org_id IS NULL`);
  const orgOf = (pred: (o: DemoSeedContext['district']['orgs'][number]) => boolean, n = 0) => {
    const key = ctx.district.orgs.filter(pred)[n]?.key;
    return key ? ctx.orgIds.get(key) : undefined;
  };
  const street1 = orgOf((o) => o.kind === 'street', 0);
  const dev = orgOf((o) => o.name === '区发展和改革局');
  const finance = orgOf((o) => o.name === '区财政局');
  if (!street1 || !dev || !finance) return;
  // four department cadres on the first street's establishment (the street's staff seconded for good)
  await client.query(
    `UPDATE cadres SET establishment_org_id = $1
      WHERE id IN (SELECT id FROM cadres WHERE org_id = ANY ($2::uuid[]) ORDER BY org_id, name, id LIMIT 4)`,
    [street1, [dev, finance]],
  );
  await insertUser(client, {
    username: DEMO_DEPT_ADMIN,
    displayName: '区发改局干部人事',
    orgId: dev,
    cadreId: null,
    scopeMode: 'unit',
    roles: ['unit_admin'],
    passwordHash: await hashPassword(DEMO_PASSWORD),
    mustChange: false,
    now: ctx.now,
  });
  const dept = await demoActor(ctx, DEMO_DEPT_ADMIN);
  const streetAdmin = await demoActor(ctx, 'street1');
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!dept || !streetAdmin || !orgdept) return;
  registerBorrowingCaseHandlers();
  const at = (actor: Actor, daysAgo = 0): RequestContext => ({
    ...demoRequestContext(ctx, actor),
    now: new Date(ctx.now.getTime() - daysAgo * DAY),
  });
  const day = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM cadres WHERE org_id = $1 AND NOT fact_current_leadership ORDER BY name, id LIMIT 2`,
    [street1],
  );
  const [first, second] = rows;
  try {
    if (first) {
      await setScope(client, dept);
      const lent = await requestBorrowing(at(dept, 100), {
        cadreId: first.id,
        borrowerOrgId: dev,
        purposeId: 'district_central',
        task: '全区重点项目攻坚专班',
        from: day(95),
        until: day(7),
      });
      await setScope(client, streetAdmin);
      await actOnCase(at(streetAdmin, 99), lent.caseId!, { action: 'approve', comment: '同意借调' });
      await setScope(client, orgdept);
      await actOnCase(at(orgdept, 97), lent.caseId!, { action: 'approve', comment: '' });
    }
    if (second) {
      await setScope(client, dept);
      await requestBorrowing(at(dept, 1), {
        cadreId: second.id,
        borrowerOrgId: dev,
        purposeId: 'special_task',
        task: '国家级经济技术开发区申报专项工作',
        from: day(-7),
        until: day(-97),
        approval: { by: 'district_committee', reference: '丰委〔2026〕61号', date: day(5) },
      });
    }
  } finally {
    await setSystemScope(client);
  }
}
