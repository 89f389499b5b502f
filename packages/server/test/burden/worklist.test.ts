import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 村(社区)工作事务清单 (R-BUR-5) under the Fengze pack: streets, villages and communities take items on with
// 权随责走、费随事转 or 政府购买服务; an item with neither is flagged; a department duty handed down under the
// name of 属地管理 is refused (seed 000: "严禁以“属地管理”名义将区直部门承担的职能、任务转嫁给街道").
const PACK = '丰泽区街道干部考核';
let t: TestApp;
let admin: Session;
let other: Session;
let village: { id: string; name: string };
let itemId: string;

type Json = Record<string, unknown>;
const item = (over: Json = {}) => ({
  orgId: village.id,
  organiserName: '区民政局',
  year: 2026,
  name: '困难群众走访核查',
  basis: '区民政局2026年工作要点',
  modeId: 'delegated',
  amountFen: 1_250_000,
  contract: '',
  localManagement: false,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db, { name: '测试清单街道' });
  village = await newOrg(t.db, { parentId: street.id, kind: 'community', name: '测试清单社区' });
  admin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  other = await signIn(
    t,
    await newUser(t.db, { orgId: (await newOrg(t.db)).id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

describe('the work list', () => {
  it('an item with funding: recorded, explained, not flagged', async () => {
    const res = await injectAs(t, admin, { method: 'POST', url: '/api/burden/worklist', payload: item() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      orgName: '测试清单社区',
      modeName: '权随责走、费随事转',
      amountText: '¥12,500.00',
      unfunded: false,
      explanation: `“困难群众走访核查”（区民政局交由测试清单社区）按“权随责走、费随事转”承接，经费¥12,500.00，符合${PACK}权随责走、费随事转或政府购买服务的要求`,
    });
  });

  it('an item with neither funding nor purchase: flagged, listed and counted', async () => {
    const res = await injectAs(t, admin, {
      method: 'POST',
      url: '/api/burden/worklist',
      payload: item({ name: '安全生产隐患排查台账', modeId: null, amountFen: null }),
    });
    expect(res.statusCode, res.body).toBe(200);
    itemId = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({
      unfunded: true,
      explanation: `未保障经费：“安全生产隐患排查台账”（区民政局交由测试清单社区）既无随事转移的经费，也不是政府购买服务（${PACK}：下放事项须权随责走、费随事转或政府购买服务），列为未保障事项`,
    });
    const list = (
      await injectAs(t, admin, {
        method: 'GET',
        url: `/api/burden/worklist?unfunded=true&orgId=${village.id}`,
      })
    ).json<{ items: { id: string }[]; total: number; unfunded: number }>();
    expect(list.items.map((i) => i.id)).toEqual([itemId]);
    expect(list.unfunded).toBe(1);
    // bought as a service afterwards: no longer flagged
    const fixed = await injectAs(t, admin, {
      method: 'PUT',
      url: `/api/burden/worklist/${itemId}`,
      payload: item({
        name: '安全生产隐患排查台账',
        modeId: 'purchased',
        amountFen: 3_000_000,
        contract: 'FZ-2026-017',
      }),
    });
    expect(fixed.json()).toMatchObject({
      unfunded: false,
      modeName: '政府购买服务',
      amountText: '¥30,000.00',
    });
  });

  it('a department duty handed down under 属地管理: refused, nothing stored', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM burden_worklist_items');
    const res = await injectAs(t, admin, {
      method: 'POST',
      url: '/api/burden/worklist',
      payload: item({ name: '违法建设巡查执法', organiserName: '区城市管理局', localManagement: true }),
    });
    expectError(res, 422, 'WORKLIST_LOCAL_MANAGEMENT_REFUSED');
    expect(res.json<{ message: string }>().message).toBe(
      `不予列入：${PACK}严禁以“属地管理”名义将部门承担的职能、任务转嫁给街道、村、社区；“违法建设巡查执法”（区城市管理局交由测试清单社区）属区城市管理局本部门职责`,
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM burden_worklist_items')).toBe(before);
  });

  it('another street sees none of it', async () => {
    const list = (await injectAs(t, other, { method: 'GET', url: '/api/burden/worklist' })).json<{
      items: { orgId: string }[];
    }>();
    expect(list.items.filter((i) => i.orgId === village.id)).toEqual([]);
  });
});
