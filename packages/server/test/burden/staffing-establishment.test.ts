import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, injectAs, type Session, type TestApp } from '../helpers.ts';

// 专编专用 (R-BUR-2) under the Fengze pack: streets' establishment is for the street only (seed 000: "坚持街道
// 编制专编专用,不得变相占用街道编制"). A street with 12 administrative and 3 institution posts; 王一 works there
// on its establishment, 李二 is on it but works in a department, 赵三 works in the street on the department's.
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let street: { id: string; name: string };
let dept: { id: string; name: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  street = await newOrg(t.db, { name: '测试编制街道' });
  dept = await newOrg(t.db, { kind: 'department', name: '区测试编制局' });
  await t.db.admin.query(
    `UPDATE orgs SET establishment = '{"administrative": 12, "institution": 3}' WHERE id = $1`,
    [street.id],
  );
  ids.wang = (await newCadre(t.db, { orgId: street.id, name: '王一' })).id;
  ids.li = (await newCadre(t.db, { orgId: dept.id, name: '李二' })).id;
  ids.zhao = (await newCadre(t.db, { orgId: street.id, name: '赵三' })).id;
  await t.db.admin.query(`UPDATE cadres SET establishment_org_id = $1 WHERE id = ANY ($2::uuid[])`, [
    street.id,
    [ids.wang, ids.li],
  ]);
  await t.db.admin.query(`UPDATE cadres SET establishment_org_id = $1 WHERE id = $2`, [dept.id, ids.zhao]);
  const district = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district.rows[0]!.id, roles: ['orgdept'], scopeMode: 'all' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

describe('专编专用: who occupies the street’s establishment', () => {
  it('组织部 sees the street’s establishment, the one working elsewhere and the one hosted, each named', async () => {
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/burden/establishment?orgId=${street.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      units: unknown[];
      occupied: number;
      protectedUnitKinds: string[];
      explanation: string;
    }>();
    expect(r.protectedUnitKinds).toEqual(['street']);
    expect(r.occupied).toBe(1);
    expect(r.units).toEqual([
      {
        orgId: street.id,
        orgName: '测试编制街道',
        establishment: { administrative: 12, institution: 3 },
        establishmentTotal: 15,
        onEstablishment: 2,
        workingElsewhere: [{ cadreId: ids.li, name: '李二', orgId: dept.id, orgName: '区测试编制局' }],
        fromElsewhere: [{ cadreId: ids.zhao, name: '赵三', orgId: dept.id, orgName: '区测试编制局' }],
        explanation:
          '测试编制街道核定编制行政编制12名、事业编制3名（共15名）；登记编制在本单位的2人，其中1人在其他单位工作（李二在区测试编制局），属占用测试编制街道编制；另有1人在测试编制街道工作、编制在其他单位（赵三编制在区测试编制局）',
      },
    ]);
    expect(r.explanation).toBe(
      '丰泽区街道干部考核：街道编制专编专用，不得变相占用。按干部信息中的“编制所在单位”与“工作单位”比对，在您的数据范围内共发现1人编制在街道、在其他单位工作；未登记编制所在单位的人员不计入',
    );
  });

  it('the street’s own administrator does not see the department’s people (her scope)', async () => {
    const r = (await injectAs(t, streetAdmin, { method: 'GET', url: '/api/burden/establishment' })).json<{
      units: { orgId: string; workingElsewhere: unknown[]; onEstablishment: number }[];
    }>();
    expect(r.units.map((u) => u.orgId)).toEqual([street.id]);
    expect(r.units[0]).toMatchObject({ onEstablishment: 1, workingElsewhere: [] });
  });
});
