import type { InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { shippedPacks } from '@ganbu/core';
import { rulesFromPack } from '../src/modules/assessment/service/rounds.ts';
import { ballotTokenHash } from '../src/modules/assessment/ballot-token.ts';
import { createFieldCipher } from '../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from './db-urls.ts';
import { multipartFile, type TestDb } from './helpers.ts';

/** Objects of the actor's own street and of a foreign street, read past RLS by the admin login. */
export interface Fixture {
  own: { orgId: string; orgPath: string; villageId: string };
  foreign: {
    orgId: string;
    orgPath: string;
    villageId: string;
    cadreId: string;
    userId: string;
    correctionId: string;
    /** an open assessment round organised by the foreign street, its target, and an unused slip */
    roundId: string;
    targetId: string;
    ballotCode: string;
  };
  /** a policy pack version (packs are district-wide: readable by everyone with assessment.read) */
  packId: string;
  /** every id of the foreign street's subtree (orgs, cadres, accounts): none may appear in an answer */
  foreignIds: string[];
  /** names of the foreign street's units (unique in the demo district) */
  foreignOrgNames: string[];
  /** an import workbook that puts a person into the foreign street */
  foreignWorkbook: Buffer;
}

/** (by unit name: the error answer echoes the uploaded value, which is the caller's own input) */
async function workbookInto(unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(['姓名*', '性别*', '出生年月*', '身份证号', '所在单位*']);
  ws.addRow(['越权导入', '男', '1988.03', '110105198803010018', unitName]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function loadFixture(db: TestDb): Promise<Fixture> {
  const q = async <T>(sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows as T[];
  const [s1] = await q<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE kind = 'street' ORDER BY sort_order, path LIMIT 1`,
  );
  const [s2] = await q<{ id: string; path: string; name: string }>(
    `SELECT id, path::text, name FROM orgs WHERE kind = 'street' ORDER BY sort_order, path OFFSET 1 LIMIT 1`,
  );
  if (!s1 || !s2) throw new Error('demo district lacks two streets');
  const child = async (path: string) =>
    (
      await q<{ id: string }>(
        `SELECT id FROM orgs WHERE path <@ $1::ltree AND nlevel(path) = nlevel($1::ltree) + 1 ORDER BY path LIMIT 1`,
        [path],
      )
    )[0]?.id as string;
  const [cadre] = await q<{ id: string }>(`SELECT id FROM cadres WHERE org_path <@ $1::ltree LIMIT 1`, [
    s2.path,
  ]);
  const [user] = await q<{ id: string }>(`SELECT id FROM users WHERE username = 'street2'`);
  const [correction] = await q<{ id: string }>(
    `INSERT INTO cadre_corrections (cadre_id, org_path, requested_by, field, proposed_value)
     SELECT c.id, c.org_path, u.id, 'phone', '13900000000' FROM cadres c, users u WHERE c.id = $1 AND u.username = 'street2'
     RETURNING id`,
    [cadre?.id],
  );
  // an open round of the foreign street (Fengze street staff scheme) with one target and one unused slip
  const rules = rulesFromPack(
    shippedPacks().find((p) => p.id === 'fengze')!,
    'street-annual',
  );
  const [round] = await q<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, state)
     VALUES ($1, $2::ltree, '越权测试轮次', 'fengze', '2018-01-01', 'street-annual', $3, '2026-01-01', '2026-12-31', 'open')
     RETURNING id`,
    [s2.id, s2.path, JSON.stringify(rules)],
  );
  const [target] = await q<{ id: string }>(
    `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, name)
     SELECT $1, c.id, c.org_id, c.org_path, c.name FROM cadres c WHERE c.id = $2 RETURNING id`,
    [round?.id, cadre?.id],
  );
  const ballotCode = 'ABCD-EFGH-JKMN';
  await q(
    `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id)
     VALUES ($1, 'leadership', $2, $3, gen_random_uuid())`,
    [round?.id, s2.id, ballotTokenHash(createFieldCipher(TEST_ENCRYPTION_KEY), 'ABCDEFGHJKMN')],
  );
  const [pack] = await q<{ id: string }>(
    `SELECT id FROM policy_packs ORDER BY pack_id, effective_from LIMIT 1`,
  );
  const ids = await q<{ id: string }>(
    `SELECT id::text FROM orgs WHERE path <@ $1::ltree UNION ALL SELECT id::text FROM cadres WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM users WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM cadre_corrections WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM assessment_rounds WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM assessment_targets WHERE unit_path <@ $1::ltree`,
    [s2.path],
  );
  return {
    own: { orgId: s1.id, orgPath: s1.path, villageId: await child(s1.path) },
    foreign: {
      orgId: s2.id,
      orgPath: s2.path,
      villageId: await child(s2.path),
      cadreId: cadre?.id as string,
      userId: user?.id as string,
      correctionId: correction?.id as string,
      roundId: round?.id as string,
      targetId: target?.id as string,
      ballotCode,
    },
    packId: pack?.id as string,
    foreignIds: ids.map((r) => r.id),
    foreignWorkbook: await workbookInto(s2.name),
    foreignOrgNames: (
      await q<{ name: string }>(`SELECT name FROM orgs WHERE path <@ $1::ltree`, [s2.path])
    ).map((r) => r.name),
  };
}

export interface MatrixEntry {
  /**
   * requests that aim at the foreign street (must be refused) or, for own-account routes, at oneself;
   * `id` fills `:id`, `params` the other path parameters
   */
  requests: (
    fx: Fixture,
  ) => (Omit<InjectOptions, 'method' | 'url'> & { id?: string; params?: Record<string, string> })[];
  /** true when the requests target the foreign unit: writes must fail */
  targetsForeign: boolean;
}

/**
 * Every route of the API, keyed `METHOD url`. A route missing here fails the matrix test,
 * so a new module cannot forget its scope check.
 */
export const ROUTE_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/health': { requests: () => [{}], targetsForeign: false },
  'POST /api/auth/login': {
    requests: () => [{ payload: { username: 'street2', password: 'Wrong#pass9' } }],
    targetsForeign: true,
  },
  'POST /api/auth/logout': { requests: () => [{}], targetsForeign: false },
  'GET /api/auth/me': { requests: () => [{}], targetsForeign: false },
  'POST /api/auth/password': {
    requests: () => [{ payload: { currentPassword: 'not-mine', newPassword: 'Another#2026' } }],
    targetsForeign: false,
  },
  'POST /api/auth/totp/start': { requests: () => [{}], targetsForeign: false },
  'POST /api/auth/totp/confirm': { requests: () => [{ payload: { code: '000000' } }], targetsForeign: false },
  'GET /api/orgs': { requests: () => [{}], targetsForeign: false },
  'GET /api/orgs/:id': {
    requests: (fx) => [{ id: fx.foreign.orgId }, { id: fx.foreign.villageId }],
    targetsForeign: true,
  },
  'POST /api/orgs': {
    requests: (fx) => [
      { payload: { parentId: fx.foreign.orgId, code: 'X99', name: '越权社区', kind: 'community' } },
    ],
    targetsForeign: true,
  },
  'PATCH /api/orgs/:id': {
    requests: (fx) => [
      { id: fx.foreign.villageId, payload: { name: '越权改名' } },
      { id: fx.foreign.orgId, payload: { difficulty: '9.99' } },
    ],
    targetsForeign: true,
  },
  'POST /api/orgs/:id/move': {
    requests: (fx) => [
      { id: fx.foreign.villageId, payload: { parentId: fx.own.orgId } },
      { id: fx.own.villageId, payload: { parentId: fx.foreign.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/orgs/:id/deactivate': { requests: (fx) => [{ id: fx.foreign.villageId }], targetsForeign: true },
  'POST /api/orgs/:id/activate': { requests: (fx) => [{ id: fx.foreign.villageId }], targetsForeign: true },
  'GET /api/users': { requests: () => [{}, { query: { q: 'street2' } }], targetsForeign: false },
  'POST /api/users': {
    requests: (fx) => [
      {
        payload: {
          username: 'intruder',
          displayName: '越权',
          orgId: fx.foreign.orgId,
          scopeMode: 'unit',
          initialPassword: 'Init#2026z',
        },
      },
    ],
    targetsForeign: true,
  },
  'PATCH /api/users/:id': {
    requests: (fx) => [
      { id: fx.foreign.userId, payload: { displayName: '越权' } },
      { id: fx.foreign.userId, payload: { active: false } },
    ],
    targetsForeign: true,
  },
  'POST /api/users/:id/roles': {
    requests: (fx) => [
      { id: fx.foreign.userId, payload: { roles: ['orgdept'], scopeMode: 'all' } },
      // moving the foreign account into one's own unit
      { id: fx.foreign.userId, payload: { roles: ['unit_admin'], scopeMode: 'unit', orgId: fx.own.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/users/:id/reset-password': {
    requests: (fx) => [{ id: fx.foreign.userId, payload: { initialPassword: 'Reset#2026x' } }],
    targetsForeign: true,
  },
  'POST /api/users/:id/unlock': { requests: (fx) => [{ id: fx.foreign.userId }], targetsForeign: true },
  'GET /api/settings/security': { requests: () => [{}], targetsForeign: false },
  'PUT /api/settings/security': {
    // district-wide policy, not unit data: only its permission guards it (checked by the 三员 test)
    requests: () => [
      {
        payload: {
          password: { minLength: 8, minClasses: 3, expiryDays: 90, historyCount: 5 },
          session: { idleMinutes: 30, absoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 },
        },
      },
    ],
    targetsForeign: false,
  },
  'GET /api/audit': { requests: () => [{}, { query: { actor: 'street2' } }], targetsForeign: false },
  'GET /api/audit/export.xlsx': { requests: () => [{}], targetsForeign: false },
  'GET /api/audit/verify': { requests: () => [{}], targetsForeign: false },
  'GET /api/cadres': {
    requests: (fx) => [{}, { query: { orgId: fx.foreign.orgId } }],
    targetsForeign: false,
  },
  'GET /api/cadres/:id': {
    requests: (fx) => [{ id: fx.foreign.cadreId }, { id: fx.foreign.cadreId, query: { reveal: 'true' } }],
    targetsForeign: true,
  },
  'GET /api/cadres/export.xlsx': {
    requests: (fx) => [{}, { query: { orgId: fx.foreign.orgId } }],
    targetsForeign: false,
  },
  'POST /api/cadres': {
    requests: (fx) => [{ payload: sampleRecord(fx.foreign.orgId) }],
    targetsForeign: true,
  },
  'PUT /api/cadres/:id': {
    requests: (fx) => [
      { id: fx.foreign.cadreId, payload: sampleRecord(fx.foreign.orgId) },
      { id: fx.foreign.cadreId, payload: sampleRecord(fx.own.orgId) },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/photo': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'GET /api/cadres/import/template.xlsx': { requests: () => [{}], targetsForeign: false },
  'GET /api/cadres/export/template.xlsx': {
    requests: (fx) => [{}, { query: { orgId: fx.foreign.orgId } }],
    targetsForeign: true,
  },
  'POST /api/cadres/import/xlsx': {
    requests: (fx) => [
      { ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) },
      { query: { mode: 'update' }, ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) },
    ],
    targetsForeign: true,
  },
  'POST /api/cadres/import/lrmx': {
    requests: (fx) => [
      { query: { orgId: fx.foreign.orgId }, ...multipartFile('a.lrmx', LRMX_SAMPLE, 'application/xml') },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/lrmx': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'GET /api/cadres/:id/corrections': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'POST /api/cadres/:id/corrections': {
    requests: (fx) => [{ id: fx.foreign.cadreId, payload: { field: 'phone', proposedValue: '13800000000' } }],
    targetsForeign: true,
  },
  'GET /api/cadre-corrections': {
    requests: () => [{}, { query: { status: 'accepted' } }],
    targetsForeign: false,
  },
  'POST /api/cadre-corrections/:id/decision': {
    requests: (fx) => [{ id: fx.foreign.correctionId, payload: { status: 'accepted' } }],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/approval-form.docx': {
    requests: (fx) => [{ id: fx.foreign.cadreId }],
    targetsForeign: true,
  },
  'POST /api/cadres/import/lrmx/compare': {
    requests: () => [{ ...multipartFile('a.lrmx', LRMX_SAMPLE, 'application/xml') }],
    targetsForeign: false, // compares and writes nothing
  },
  'POST /api/cadres/import/xlsx/report': {
    requests: (fx) => [{ ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) }],
    targetsForeign: false, // a check report of the uploaded file itself; it writes nothing
  },
  // ---------------------------------------------------------------- assessment
  'GET /api/packs': { requests: () => [{}], targetsForeign: false },
  'GET /api/packs/:id': { requests: (fx) => [{ id: fx.packId }], targetsForeign: false },
  'POST /api/packs': { requests: () => [{ payload: { body: { id: 'x' } } }], targetsForeign: false },
  'PUT /api/packs/selected': {
    requests: () => [{ payload: { packId: 'no-such-pack' } }],
    targetsForeign: false,
  },
  'GET /api/packs/:id/diff/:otherId': {
    requests: (fx) => [{ id: fx.packId, params: { otherId: fx.packId } }],
    targetsForeign: false,
  },
  'GET /api/assessment/rounds': { requests: () => [{}], targetsForeign: false },
  'POST /api/assessment/rounds': {
    requests: (fx) => [
      { payload: roundInput(fx.foreign.orgId, [fx.foreign.cadreId]) },
      { payload: roundInput(fx.own.orgId, [fx.foreign.cadreId]) },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id': { requests: (fx) => [{ id: fx.foreign.roundId }], targetsForeign: true },
  'GET /api/assessment/rounds/:id/targets': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report': {
    requests: (fx) => [
      { id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId }, payload: { report: '越权述职' } },
    ],
    targetsForeign: true,
  },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        params: { targetId: fx.foreign.targetId },
        payload: TINY_PDF,
        headers: { 'content-type': 'application/pdf' },
      },
    ],
    targetsForeign: true,
  },
  'DELETE /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [{ id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [{ id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId } }],
    targetsForeign: true,
  },
  // a slip is a bearer credential (see the ballot below): an unknown one opens no file
  'GET /api/ballot/:token/reports/:targetId': {
    requests: (fx) => [{ params: { token: 'XXXX-XXXX-XXXX', targetId: fx.foreign.targetId } }],
    targetsForeign: false,
  },
  'POST /api/assessment/rounds/:id/tokens': {
    requests: (fx) => [
      { id: fx.foreign.roundId, payload: { groupId: 'leadership', count: 1, unitId: fx.foreign.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/raters': {
    requests: (fx) => [
      { id: fx.foreign.roundId, payload: { groupId: 'leadership', userIds: [fx.foreign.userId] } },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/my-ballots': { requests: () => [{}], targetsForeign: false },
  'POST /api/assessment/rounds/:id/tokens/revoke': {
    requests: (fx) => [{ id: fx.foreign.roundId, payload: { code: fx.foreign.ballotCode } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/turnout': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/transition': {
    requests: (fx) => [{ id: fx.foreign.roundId, payload: { action: 'close' } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results.xlsx': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/waivers': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        payload: { targetId: fx.foreign.targetId, groupId: 'leadership', reason: '越权豁免' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/grades': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        payload: { targetId: fx.foreign.targetId, grade: 'excellent', reason: '越权调整' },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/ballots.json': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  // the public ballot: a slip of the foreign street is a bearer credential, valid for anyone holding it —
  // reading it shows that round's targets by design; the matrix checks that it changes nothing else
  'POST /api/ballot/:token': {
    requests: (fx) => [
      {
        params: { token: fx.foreign.ballotCode },
        payload: { scores: [{ targetId: fx.own.orgId, points: [20, 20, 20, 30, 10] }] },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/ballot/:token': {
    requests: () => [{ params: { token: 'XXXX-XXXX-XXXX' } }],
    targetsForeign: false,
  },
  'PUT /api/cadres/:id/photo': {
    requests: (fx) => [
      { id: fx.foreign.cadreId, payload: TINY_JPEG, headers: { 'content-type': 'image/jpeg' } },
    ],
    targetsForeign: true,
  },
};

function roundInput(orgId: string, cadreIds: string[]) {
  return {
    name: '越权考核',
    packId: 'fengze',
    schemeId: 'street-annual',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    orgId,
    population: { cadreIds },
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid approval form (fixture of the core LRMX tests). */
const LRMX_SAMPLE = readFileSync(new URL('../../core/src/lrmx/fixtures/complete.lrmx', import.meta.url));

/** The smallest JPEG header a content check accepts. */
/** The smallest file the report upload takes for a PDF (it decides by the `%PDF-` header). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
]);

/** A valid cadre record (the ID number checks out against birth date and gender). */
export function sampleRecord(orgId: string) {
  return {
    orgId,
    name: '林志强',
    gender: 'male',
    birthDate: '1949-12-31',
    // 11010519491231001 + check character 1 (GB 11643; sequence 001 is odd → male)
    idNumber: '110105194912310011',
    politicalStatus: '中共党员',
    partyJoinDate: '1975-06',
    workStartDate: '1970-08',
    appointments: [
      {
        unitName: '东湖街道',
        unitKind: 'street',
        title: '党工委书记',
        isLeadership: true,
        roleKind: 'party_secretary',
        rank: '正科级',
        start: '1990-01',
        end: null,
      },
    ],
  };
}

/** Fill `:id` in a route pattern. */
export function urlFor(pattern: string, id: string | undefined, params: Record<string, string> = {}): string {
  let url = id ? pattern.replace(':id', id) : pattern;
  for (const [k, v] of Object.entries(params)) url = url.replace(`:${k}`, v);
  return url;
}

/** Routes outside the API matrix: the OpenAPI document and UI (static, public). */
export const isDocsRoute = (url: string) => url.startsWith('/api/docs');
