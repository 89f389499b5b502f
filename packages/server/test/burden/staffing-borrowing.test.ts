import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn, type UserFactoryResult } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 借调 (R-BUR-1) under the Fengze pack (丰泽区街道干部考核; seed 000: "除区委、区政府中心工作需要或专项工作任务需要
// 外,区直机关一律不得借用街道干部"): allowed purposes 区委、区政府中心工作 (no approval) and 专项工作任务 (区委批准 on
// record), at most 6 months (assumed). The `borrowing` case: 街道意见 (3 working days) → 组织部审核 (5). The
// test clock reads Monday 2026-11-02.
const RULE =
  '丰泽区街道干部考核：除区委、区政府中心工作或经区委批准的专项工作任务外，区直机关不得借用街道干部；借调期限不超过6个月';

type Json = Record<string, unknown>;
let t: TestApp;
const users: Record<string, UserFactoryResult> = {};
const s: Record<string, Session> = {};
let street: { id: string; name: string };
let dept: { id: string; name: string };
let cadreId: string;
let borrowingId: string;
let caseId: string;

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: Json) =>
  injectAs(t, s[who]!, { method, url, ...(payload ? { payload } : {}) });
const signAll = async () => {
  for (const [k, u] of Object.entries(users)) s[k] = await signIn(t, u);
};
const request = (over: Json = {}) => ({
  cadreId,
  borrowerOrgId: dept.id,
  purposeId: 'special_task',
  task: '全区营商环境专项整治',
  from: '2026-11-09',
  until: '2027-01-08',
  approval: { by: 'district_committee', reference: '丰委〔2026〕45号', date: '2026-10-28' },
  ...over,
});
const inbox = async (who: string) =>
  (await as(who, 'GET', '/api/inbox')).json<{ items: (Json & { kind: string; title: string })[] }>().items;

beforeAll(async () => {
  t = await createTestApp();
  street = await newOrg(t.db, { name: '测试借调街道' });
  dept = await newOrg(t.db, { kind: 'department', name: '区测试局' });
  const other = await newOrg(t.db);
  cadreId = (await newCadre(t.db, { orgId: street.id, name: '陈晓东', postTitle: '党政办科员' })).id;
  const district = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  users.dept = await newUser(t.db, { orgId: dept.id, roles: ['unit_admin'], scopeMode: 'unit' });
  users.street = await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' });
  users.other = await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' });
  users.orgdept = await newUser(t.db, { orgId: district.rows[0]!.id, roles: ['orgdept'], scopeMode: 'all' });
  await signAll();
});
afterAll(async () => t.close());

describe('a department asks to borrow a street cadre', () => {
  it('finds the street’s cadre by name, though it cannot see the street', async () => {
    const res = await as(
      'dept',
      'GET',
      `/api/burden/borrowings/candidates?q=${encodeURIComponent('陈晓东')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: Json[] }>().items).toEqual([
      { id: cadreId, name: '陈晓东', postTitle: '党政办科员', lenderName: '测试借调街道' },
    ]);
    // a street administrator only finds cadres in her own scope
    const other = await as(
      'other',
      'GET',
      `/api/burden/borrowings/candidates?q=${encodeURIComponent('陈晓东')}`,
    );
    expect(other.json<{ items: Json[] }>().items).toEqual([]);
  });

  it('for routine work: refused by rule, nothing stored, the refusal audited', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cases');
    const res = await as(
      'dept',
      'POST',
      '/api/burden/borrowings',
      request({ purposeId: 'routine', approval: null }),
    );
    expectError(res, 422, 'BORROWING_PURPOSE_NOT_ALLOWED');
    expect(res.json<{ message: string }>().message).toBe(`不予借调：${RULE}。本次借调事由不属上述情形`);
    expect(await adminCount(t.db, 'SELECT 1 FROM burden_borrowings WHERE cadre_id = $1', [cadreId])).toBe(0);
    expect(await adminCount(t.db, 'SELECT 1 FROM cases')).toBe(before);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'POST /api/burden/borrowings' AND result = 'failure'
            AND after ->> 'code' = 'BORROWING_PURPOSE_NOT_ALLOWED'`,
      ),
    ).toBe(1);
  });

  it('a special task without the committee’s approval, or longer than 6 months: refused', async () => {
    const noApproval = await as('dept', 'POST', '/api/burden/borrowings', request({ approval: null }));
    expectError(noApproval, 422, 'BORROWING_APPROVAL_MISSING');
    expect(noApproval.json<{ message: string }>().message).toBe(
      `不予借调：专项工作任务须有区委批准的文件在案（${RULE}），本次申请未附批准文号和日期`,
    );
    // 2026-11-09 + 6 months = 2027-05-09
    const long = await as('dept', 'POST', '/api/burden/borrowings', request({ until: '2027-05-10' }));
    expectError(long, 422, 'BORROWING_TOO_LONG');
    expect(long.json<{ message: string }>().message).toBe(
      '不予借调：借调期限不超过6个月（丰泽区街道干部考核），自 2026-11-09 起最晚至 2027-05-09，申请至 2027-05-10',
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM burden_borrowings WHERE cadre_id = $1', [cadreId])).toBe(0);
  });

  it('a special task with the committee’s approval: accepted, the street’s opinion due in 3 working days', async () => {
    const res = await as('dept', 'POST', '/api/burden/borrowings', request());
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json<Json & { id: string; caseId: string }>();
    borrowingId = b.id;
    caseId = b.caseId;
    expect(b).toMatchObject({
      cadreName: '陈晓东',
      lenderName: '测试借调街道',
      borrowerName: '区测试局',
      purposeId: 'special_task',
      purposeName: '专项工作任务',
      from: '2026-11-09',
      until: '2027-01-08',
      requestedOn: '2026-11-02',
      approval: {
        by: 'district_committee',
        byName: '区委批准',
        reference: '丰委〔2026〕45号',
        date: '2026-10-28',
        fileId: null,
      },
      state: 'pending',
      returnedOn: null,
      explanation: `符合规定：区测试局因专项工作任务借用测试借调街道陈晓东（2026-11-09 至 2027-01-08，不超过6个月），区委批准（丰委〔2026〕45号，2026-10-28）在案。${RULE}`,
      stateText: '借调申请正在办理（街道意见、组织部审核）',
    });
    // Monday 11-02 + 3 working days = Thursday 11-05
    expect((await inbox('street')).filter((i) => i.kind === 'borrowing')).toEqual([
      expect.objectContaining({
        title: '区测试局借调测试借调街道陈晓东（专项工作任务）',
        dueOn: '2026-11-05',
      }),
    ]);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'burden.borrowing.request' AND object_id = $1`,
        [borrowingId],
      ),
    ).toBe(1);
  });

  it('the street gives its opinion, 组织部 approves: in force; both sides see it, another street does not', async () => {
    let res = await as('street', 'POST', `/api/cases/${caseId}/actions`, {
      action: 'approve',
      comment: '同意',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await as('orgdept', 'POST', `/api/cases/${caseId}/actions`, { action: 'approve', comment: '' });
    expect(res.statusCode, res.body).toBe(200);
    for (const who of ['dept', 'street', 'orgdept']) {
      const list = (await as(who, 'GET', '/api/burden/borrowings')).json<{
        items: Json[];
        overdue: number;
      }>();
      expect(
        list.items.find((i) => i.id === borrowingId),
        who,
      ).toMatchObject({
        state: 'in_force',
        stateText: '借调中，应于 2027-01-08 前归还测试借调街道',
      });
    }
    const foreign = (await as('other', 'GET', '/api/burden/borrowings')).json<{ items: Json[] }>();
    expect(foreign.items.find((i) => i.id === borrowingId)).toBeUndefined();
    expectError(await as('other', 'GET', `/api/burden/borrowings/${borrowingId}`), 404, 'NOT_FOUND');
    // the street's register by unit
    const byStreet = (await as('orgdept', 'GET', `/api/burden/borrowings?orgId=${street.id}`)).json<{
      total: number;
    }>();
    expect(byStreet.total).toBe(1);
  });

  it('not back by 2027-01-08: overdue on Monday 2027-01-11, in the street’s and 组织部’s inbox; resolved on return', async () => {
    t.clock.set(new Date('2027-01-11T02:00:00.000Z'));
    await signAll();
    const list = (await as('street', 'GET', '/api/burden/borrowings?state=overdue')).json<{
      items: Json[];
      overdue: number;
    }>();
    expect(list.overdue).toBe(1);
    expect(list.items).toEqual([
      expect.objectContaining({
        id: borrowingId,
        state: 'overdue',
        stateText: '逾期未归还：借调期至 2027-01-08，至今未回测试借调街道',
      }),
    ]);
    for (const who of ['street', 'orgdept', 'dept'])
      expect(
        (await inbox(who)).filter((i) => i.kind === 'burden.borrowing_overdue' && i.title.includes('陈晓东')),
        who,
      ).toEqual([
        expect.objectContaining({
          title: '借调逾期未归还：测试借调街道陈晓东借调至区测试局，应于 2027-01-08 前归还',
          dueOn: '2027-01-08',
          overdue: true,
        }),
      ]);
    expect((await inbox('other')).filter((i) => i.kind === 'burden.borrowing_overdue')).toEqual([]);
    expectError(
      await as('street', 'POST', `/api/burden/borrowings/${borrowingId}/return`, {
        returnedOn: '2027-01-12',
      }),
      400,
      'VALIDATION',
    );
    const back = await as('street', 'POST', `/api/burden/borrowings/${borrowingId}/return`, {
      returnedOn: '2027-01-11',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      state: 'returned',
      returnedOn: '2027-01-11',
      stateText: '已于 2027-01-11 归还测试借调街道（逾期，应于 2027-01-08 前归还）',
    });
    expect((await inbox('street')).filter((i) => i.kind === 'burden.borrowing_overdue')).toEqual([]);
    expectError(
      await as('street', 'POST', `/api/burden/borrowings/${borrowingId}/return`, {
        returnedOn: '2027-01-11',
      }),
      409,
      'BORROWING_NOT_IN_FORCE',
    );
  });

  it('exports the register (Excel)', async () => {
    const res = await as('orgdept', 'GET', `/api/burden/borrowings/export.xlsx?orgId=${street.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
