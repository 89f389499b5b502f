import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newClarification, newFiling, newRecord } from '../factories/discipline.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02 (UTC midnight, 08:00 in Asia/Shanghai): "today" for these rules.
let t: TestApp;
let street: { id: string; path: string };
let streetAdmin: Session;
let orgdept: Session;
let jijian: Session;
let jijianId: string;
let orgdeptId: string;
let self: Session;
let admonishedId: string;
let otherCadreId: string;

beforeAll(async () => {
  t = await createTestApp();
  street = await newOrg(t.db);
  const admonished = await newCadre(t.db, { orgId: street.id, name: '韩立新' });
  const other = await newCadre(t.db, { orgId: street.id, name: '欧阳静' });
  admonishedId = admonished.id;
  otherCadreId = other.id;
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const od = await newUser(t.db, {
    orgId: street.id,
    roles: ['orgdept'],
    scopeMode: 'subtree',
    displayName: '组织部甲',
  });
  const jj = await newUser(t.db, {
    orgId: street.id,
    roles: ['discipline'],
    scopeMode: 'subtree',
    displayName: '纪检乙',
  });
  orgdeptId = od.id;
  jijianId = jj.id;
  orgdept = await signIn(t, od);
  jijian = await signIn(t, jj);
  self = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId: admonished.id }),
  );
});
afterAll(async () => t.close());

const send = (s: Session, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
  injectAs(t, s, { method, url, payload: payload as Record<string, unknown> });
const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const problemOf = (res: { json: <T>() => T }) => res.json<{ details: { problem: string } }>().details.problem;
const count = (table: string) => adminCount(t.db, `SELECT 1 FROM ${table}`);

describe('[discipline] records (从严管理记录)', () => {
  let recordId: string;

  it('orgdept files a 诫勉 of 2026-03-02; it is listed, read and audited', async () => {
    const res = await send(orgdept, 'POST', '/api/discipline-records', {
      cadreId: admonishedId,
      kind: 'admonishment',
      facts: ' 项目推进中未履行集体决策程序 ',
      decidedBy: '区纪委',
      decidedOn: '2026-03-02',
      documentNo: '清纪诫〔2026〕3号',
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ id: string }>();
    recordId = r.id;
    expect(r).toMatchObject({
      cadreName: '韩立新',
      kind: 'admonishment',
      grade: null,
      facts: '项目推进中未履行集体决策程序',
      decidedOn: '2026-03-02',
      revokedOn: null,
      attachmentCount: 0,
      decisions: [],
    });
    const list = await get(jijian, `/api/discipline-records?year=2026&kind=admonishment`);
    expect(list.json<{ total: number; items: { id: string }[] }>()).toMatchObject({
      total: 1,
      items: [{ id: recordId }],
    });
    expect((await get(jijian, '/api/discipline-records?year=2025')).json<{ total: number }>().total).toBe(0);
    expect((await get(jijian, `/api/discipline-records/${recordId}`)).statusCode).toBe(200);
    // every read is audited, the create with its after-image
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'discipline.record.create' AND object_id = $1`,
        [recordId],
      ),
    ).toBe(1);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'discipline.record.read' AND object_id = $1`,
        [recordId],
      ),
    ).toBe(1);
    expect(await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'discipline.records.list'`)).toBe(
      2,
    );
  });

  it('refuses a grade foreign to the kind, a missing grade, an unknown kind, a future date, an unknown field — nothing changes', async () => {
    const base = { cadreId: admonishedId, facts: 'x', decidedBy: '区纪委', decidedOn: '2026-06-20' };
    const before = await count('discipline_records');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'party_discipline', grade: 'demerit' }, 'GRADE_INVALID'],
      [{ ...base, kind: 'party_discipline' }, 'GRADE_REQUIRED'],
      [{ ...base, kind: 'scolding' }, 'KIND_UNKNOWN'],
      [{ ...base, kind: 'reminder', decidedOn: '2026-11-03' }, 'DECIDED_IN_FUTURE'],
    ];
    for (const [payload, problem] of cases) {
      const res = await send(orgdept, 'POST', '/api/discipline-records', payload);
      expectError(res, 400, 'VALIDATION');
      expect(problemOf(res)).toBe(problem);
      expect(res.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expectError(
      await send(orgdept, 'POST', '/api/discipline-records', { ...base, kind: 'reminder', orgPath: 'QY' }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(await count('discipline_records')).toBe(before);
  });

  it('accepts a PDF attachment by content and refuses a renamed text file; downloads are audited', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    const up = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/discipline-records/${recordId}/attachments?name=${encodeURIComponent('诫勉决定书.pdf')}`,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode, up.body).toBe(200);
    const [file] = up.json<{ items: { id: string; name: string; mime: string; size: number }[] }>().items;
    expect(file).toMatchObject({ name: '诫勉决定书.pdf', mime: 'application/pdf', size: pdf.length });
    const fake = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/discipline-records/${recordId}/attachments?name=evil.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ not a pdf'),
    });
    expectError(fake, 400, 'VALIDATION');
    expect(problemOf(fake)).toBe('ATTACHMENT_TYPE');
    const down = await get(jijian, `/api/discipline-records/${recordId}/attachments/${file?.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'discipline.attachment.download'`),
    ).toBe(1);
    expect(await count('discipline_attachments')).toBe(1);
  });

  it('a street admin sees none of its own cadres’ records, in the table or through the API', async () => {
    expect((await get(streetAdmin, '/api/discipline-records')).statusCode).toBe(403);
    expect((await get(streetAdmin, `/api/cadres/${admonishedId}/discipline-records`)).statusCode).toBe(403);
    // past the permission, row-level security too: see the last test of this file
  });

  it('the cadre reads their own records, not another cadre’s', async () => {
    const own = await get(self, `/api/cadres/${admonishedId}/discipline-records`);
    expect(own.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([recordId]);
    const otherRecord = await newRecord(t.db, {
      cadreId: otherCadreId,
      kind: 'reminder',
      decidedOn: '2026-04-08',
    });
    expect((await get(self, `/api/discipline-records/${otherRecord}`)).statusCode).toBe(404);
    expect((await get(self, '/api/discipline-records')).json<{ total: number }>().total).toBe(1);
    // the cadre may not write
    expectError(
      await send(self, 'POST', `/api/discipline-records/${recordId}/revoke`, { reason: '不服' }),
      403,
      'FORBIDDEN',
    );
  });

  it('a second 提醒 within twelve months flags 苗头性问题 in the 待办 of 组织部 and 纪检联络', async () => {
    // the other cadre had a 提醒 of 2026-04-08 (above); one of 2026-10-20 makes two within twelve months
    const res = await send(orgdept, 'POST', '/api/discipline-records', {
      cadreId: otherCadreId,
      kind: 'reminder',
      facts: '值班脱岗',
      decidedBy: '区委组织部',
      decidedOn: '2026-10-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = await get(jijian, '/api/inbox');
    expect(inbox.json<{ items: { title: string }[] }>().items.map((i) => i.title)).toContain(
      '欧阳静：十二个月内两次被提醒',
    );
  });

  it('撤销 dates the record today, once', async () => {
    const extra = await newRecord(t.db, { cadreId: otherCadreId, kind: 'inquiry', decidedOn: '2026-05-06' });
    const res = await send(jijian, 'POST', `/api/discipline-records/${extra}/revoke`, { reason: '复核撤销' });
    expect(res.json()).toMatchObject({ revokedOn: '2026-11-02', revokedReason: '复核撤销' });
    const again = await send(jijian, 'POST', `/api/discipline-records/${extra}/revoke`, { reason: '再次' });
    expect(problemOf(again)).toBe('RECORD_REVOKED');
  });
});

describe('[discipline] risk pre-filing (改革创新风险报备)', () => {
  it('a street admin files for its unit; the filing date is the server’s today', async () => {
    const res = await send(streetAdmin, 'POST', '/api/risk-filings', {
      project: '“一件事”集成改革',
      risks: '流程再造衔接风险',
      measures: '周例会',
      workStartsOn: '2026-11-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgId: street.id, filedOn: '2026-11-02', workStartsOn: '2026-11-02' });
    const list = await get(streetAdmin, '/api/risk-filings');
    expect(list.json<{ total: number }>().total).toBe(1);
  });

  it('refuses a filing after work started (报备应在工作开始前) and a typed filing date; nothing changes', async () => {
    const before = await count('risk_filings');
    const late = await send(streetAdmin, 'POST', '/api/risk-filings', {
      project: '补报',
      risks: 'r',
      measures: 'm',
      workStartsOn: '2026-11-01',
    });
    expectError(late, 400, 'VALIDATION');
    expect(problemOf(late)).toBe('FILING_AFTER_START');
    expect(late.json<{ message: string }>().message).toBe('报备应在工作开始前');
    expectError(
      await send(streetAdmin, 'POST', '/api/risk-filings', {
        project: 'p',
        risks: 'r',
        measures: 'm',
        workStartsOn: '2026-12-01',
        filedOn: '2026-01-01',
      }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(await count('risk_filings')).toBe(before);
  });
});

describe('[discipline] tolerance cases (容错纠错)', () => {
  let recordId: string;
  let filingId: string;
  let caseId: string;

  it('the unit applies for its cadre and sees its application; 报备在先 shows', async () => {
    recordId = await newRecord(t.db, { cadreId: admonishedId, decidedOn: '2026-03-20' });
    filingId = await newFiling(t.db, { orgId: street.id, orgPath: street.path });
    const res = await send(streetAdmin, 'POST', '/api/tolerance-cases', {
      cadreId: admonishedId,
      appliedBy: 'unit',
      factsOn: '2026-02-18',
      facts: '先行先试中的程序瑕疵',
      riskFilingId: filingId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{ id: string; filedFirst: boolean; appliedOn: string; records: unknown[] }>();
    caseId = c.id;
    // filed 2026-01-12, work from 2026-02-01, the matter on 2026-02-18
    expect(c).toMatchObject({ filedFirst: true, appliedOn: '2026-11-02', records: [] });
    const mine = await get(streetAdmin, '/api/tolerance-cases');
    expect(mine.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([caseId]);
    // the unit admin cannot link a record it cannot see
    const linked = await send(streetAdmin, 'POST', '/api/tolerance-cases', {
      cadreId: admonishedId,
      appliedBy: 'unit',
      factsOn: '2026-02-18',
      facts: 'x',
      recordIds: [recordId],
    });
    expect(problemOf(linked)).toBe('RECORD_NOT_OF_CADRE');
  });

  it('orgdept links nothing foreign: a record of another cadre is refused', async () => {
    const otherRecord = await newRecord(t.db, {
      cadreId: otherCadreId,
      kind: 'reminder',
      decidedOn: '2026-04-08',
    });
    const before = await count('tolerance_cases');
    const res = await send(orgdept, 'POST', '/api/tolerance-cases', {
      cadreId: admonishedId,
      appliedBy: 'ex_officio',
      factsOn: '2026-02-18',
      facts: 'x',
      recordIds: [recordId, otherRecord],
    });
    expect(problemOf(res)).toBe('RECORD_NOT_OF_CADRE');
    expect(await count('tolerance_cases')).toBe(before);
  });

  it('a decision before the investigation is done is refused; completing it needs the whole checklist', async () => {
    await send(orgdept, 'PUT', `/api/tolerance-cases/${caseId}/committee`, {
      userIds: [orgdeptId, jijianId],
    });
    const early = await send(jijian, 'POST', `/api/tolerance-cases/${caseId}/decision`, {
      outcome: 'exempt',
      recordIds: [recordId],
      reason: '符合容错情形',
      documentNo: '清容〔2026〕9号',
    });
    expect(problemOf(early)).toBe('NOT_INVESTIGATED');
    const incomplete = await send(orgdept, 'PATCH', `/api/tolerance-cases/${caseId}`, {
      investigation: '走访六人',
      checklist: { motive: { answer: 'yes', note: '为公' } },
      completeInvestigation: true,
    });
    expect(problemOf(incomplete)).toBe('INVESTIGATION_INCOMPLETE');
    const items = [
      'threeDistinctions',
      'motive',
      'conditions',
      'procedure',
      'nature',
      'consequences',
      'recovery',
      'lawful',
      'dutyDone',
      'publicInterest',
      'harmAvoided',
    ];
    const done = await send(orgdept, 'PATCH', `/api/tolerance-cases/${caseId}`, {
      investigation: '走访六人，调阅会议纪要',
      checklist: Object.fromEntries(items.map((k) => [k, { answer: 'yes', note: '' }])),
      completeInvestigation: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      investigatedOn: '2026-11-02',
      investigation: '走访六人，调阅会议纪要',
    });
    const bad = await send(orgdept, 'PATCH', `/api/tolerance-cases/${caseId}`, {
      checklist: { motive: { answer: 'maybe' } },
    });
    expectError(bad, 400, 'VALIDATION');
  });

  it('a decision by a non-member is refused (403); a member decides 免责 and the record shows it', async () => {
    const outsider = await signIn(
      t,
      await newUser(t.db, { orgId: street.id, roles: ['orgdept'], scopeMode: 'subtree' }),
    );
    const decision = {
      outcome: 'exempt',
      recordIds: [recordId],
      reason: '符合容错情形',
      documentNo: '清容〔2026〕9号',
    };
    const refused = await send(outsider, 'POST', `/api/tolerance-cases/${caseId}/decision`, decision);
    expectError(refused, 403, 'FORBIDDEN');
    expect(problemOf(refused)).toBe('NOT_COMMITTEE_MEMBER');
    expect(
      await adminCount(t.db, `SELECT 1 FROM tolerance_cases WHERE outcome IS NOT NULL AND id = $1`, [caseId]),
    ).toBe(0);
    const res = await send(jijian, 'POST', `/api/tolerance-cases/${caseId}/decision`, decision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'exempt',
      decidedOn: '2026-11-02',
      decisionDocumentNo: '清容〔2026〕9号',
      decidedByCommittee: ['纪检乙', '组织部甲'],
      records: [{ id: recordId }],
    });
    const record = await get(orgdept, `/api/discipline-records/${recordId}`);
    expect(record.json<{ decisions: unknown[] }>().decisions).toEqual([
      { toleranceCaseId: caseId, outcome: 'exempt', decidedOn: '2026-11-02', documentNo: '清容〔2026〕9号' },
    ]);
    const again = await send(jijian, 'POST', `/api/tolerance-cases/${caseId}/decision`, decision);
    expect(problemOf(again)).toBe('CASE_DECIDED');
  });

  it('the case ran as a workflow case: 受理 → 调查核实 → 联席会议研究 → 已办结, out of the inbox', async () => {
    const { rows } = await t.db.admin.query<{ case_id: string }>(
      'SELECT case_id FROM tolerance_cases WHERE id = $1',
      [caseId],
    );
    const wf = rows[0]?.case_id ?? '';
    const c = await get(jijian, `/api/cases/${wf}`);
    expect(c.statusCode, c.body).toBe(200);
    const body = c.json<{
      case: { status: string; link: string };
      timeline: { step: string; action: string }[];
    }>();
    expect(body.case).toMatchObject({ status: 'done', link: `/discipline/tolerance/${caseId}` });
    expect(body.timeline.map((e) => `${e.step}:${e.action}`)).toEqual([
      'accept:open',
      'accept:approve',
      'investigate:approve',
      'committee:decide',
    ]);
    const inbox = await get(jijian, '/api/inbox');
    expect(inbox.json<{ items: { link: string }[] }>().items.map((i) => i.link)).not.toContain(
      `/discipline/tolerance/${caseId}`,
    );
  });

  it('the case is in 组织部’s inbox; the generic case page cannot close 调查核实 without the checklist', async () => {
    const recordOf = await newRecord(t.db, { cadreId: otherCadreId, decidedOn: '2026-05-06' });
    const open = await send(orgdept, 'POST', '/api/tolerance-cases', {
      cadreId: otherCadreId,
      appliedBy: 'ex_officio',
      factsOn: '2026-04-01',
      facts: '依职权启动',
      recordIds: [recordOf],
    });
    const id = open.json<{ id: string; caseId: string }>().id;
    const wf = open.json<{ caseId: string }>().caseId;
    // the inbox of 组织部 holds the 受理 step
    const inbox = await get(orgdept, '/api/inbox');
    expect(inbox.json<{ items: { link: string; step: string }[] }>().items).toContainEqual(
      expect.objectContaining({ link: `/discipline/tolerance/${id}`, step: '受理' }),
    );
    // 调查核实 cannot close while the checklist is empty: the engine's approve is undone
    await send(orgdept, 'POST', `/api/cases/${wf}/actions`, { action: 'approve', comment: '受理' });
    const early = await send(orgdept, 'POST', `/api/cases/${wf}/actions`, {
      action: 'approve',
      comment: '已调查',
    });
    expect(problemOf(early)).toBe('INVESTIGATION_INCOMPLETE');
    expect(
      (await get(orgdept, `/api/cases/${wf}`)).json<{ case: { currentStep: string } }>().case.currentStep,
    ).toBe('investigate');
  });

  it('measures and follow-ups after the decision', async () => {
    const m = await send(orgdept, 'POST', `/api/tolerance-cases/${caseId}/measures`, {
      measure: '完善制度',
      dueOn: '2026-12-31',
    });
    const measureId = m.json<{ measures: { id: string }[] }>().measures[0]?.id;
    const done = await send(orgdept, 'POST', `/api/tolerance-cases/${caseId}/measures/${measureId}/done`, {});
    expect(done.json<{ measures: unknown[] }>().measures).toEqual([
      { id: measureId, measure: '完善制度', dueOn: '2026-12-31', doneOn: '2026-11-02' },
    ]);
    const early = await send(orgdept, 'POST', `/api/tolerance-cases/${caseId}/followups`, {
      visitedOn: '2026-11-01',
      notes: '回访',
    });
    expect(problemOf(early)).toBe('VISIT_BEFORE_DECISION');
    const f = await send(orgdept, 'POST', `/api/tolerance-cases/${caseId}/followups`, {
      visitedOn: '2026-11-02',
      notes: '回访谈心',
    });
    expect(f.json<{ followups: unknown[] }>().followups).toEqual([
      expect.objectContaining({ visitedOn: '2026-11-02', notes: '回访谈心', writtenBy: '组织部甲' }),
    ]);
  });

  it('the cadre sees their own case with its outcome, and may apply only for themself', async () => {
    const own = await get(self, `/api/tolerance-cases/${caseId}`);
    expect(own.json()).toMatchObject({ outcome: 'exempt' });
    const forOther = await send(self, 'POST', '/api/tolerance-cases', {
      cadreId: admonishedId,
      appliedBy: 'unit',
      factsOn: '2026-02-18',
      facts: 'x',
    });
    expect(problemOf(forOther)).toBe('CADRE_APPLIES_FOR_SELF');
    const mine = await send(self, 'POST', '/api/tolerance-cases', {
      cadreId: admonishedId,
      appliedBy: 'cadre',
      factsOn: '2026-02-18',
      facts: '本人申请',
      recordIds: [recordId],
    });
    expect(mine.statusCode, mine.body).toBe(200);
  });
});

describe('[discipline] clarification (澄清正名)', () => {
  it('the cadre does not see a pending report, sees it once concluded, never the accuser', async () => {
    const pending = await newClarification(t.db, { cadreId: admonishedId });
    expect((await get(self, `/api/clarifications/${pending}`)).statusCode).toBe(404);
    expect((await get(self, '/api/clarifications')).json<{ total: number }>().total).toBe(0);
    const res = await send(orgdept, 'POST', `/api/clarifications/${pending}/conclusion`, {
      conclusion: 'false_accusation',
      verification: '经核查，系捏造事实',
      documentNo: '清纪澄〔2026〕5号',
    });
    expect(res.json()).toMatchObject({
      conclusion: 'false_accusation',
      concludedOn: '2026-11-02',
      accuser: null,
    });
    // the accuser: 纪检联络 only (permission), and row-level security keeps it from orgdept
    expectError(
      await send(orgdept, 'PUT', `/api/clarifications/${pending}/accuser`, { accuser: '王某', handling: '' }),
      403,
      'FORBIDDEN',
    );
    const acc = await send(jijian, 'PUT', `/api/clarifications/${pending}/accuser`, {
      accuser: '王某',
      handling: '移送区纪委处理',
    });
    expect(acc.json()).toMatchObject({ accuser: { accuser: '王某', handling: '移送区纪委处理' } });
    expect((await get(orgdept, `/api/clarifications/${pending}`)).json()).toMatchObject({ accuser: null });
    const seen = await get(self, `/api/clarifications/${pending}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ conclusion: 'false_accusation', accuser: null });
    expect(seen.body.includes('王某')).toBe(false);
  });

  it('the notice (.docx) for an unfounded report, dated on first issue; refused for a founded one', async () => {
    const unfounded = await newClarification(t.db, { cadreId: otherCadreId, conclusion: 'unfounded' });
    const doc = await get(orgdept, `/api/clarifications/${unfounded}/notice.docx`);
    expect(doc.statusCode, doc.body.slice(0, 200)).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await get(orgdept, `/api/clarifications/${unfounded}`)).json()).toMatchObject({
      noticeIssuedOn: '2026-11-02',
    });
    const founded = await newClarification(t.db, { cadreId: otherCadreId, conclusion: 'founded' });
    const refused = await get(orgdept, `/api/clarifications/${founded}/notice.docx`);
    expect(problemOf(refused)).toBe('NOTICE_ONLY_WHEN_CLEAR');
    expect(
      await adminCount(t.db, `SELECT 1 FROM clarifications WHERE id = $1 AND notice_issued_on IS NULL`, [
        founded,
      ]),
    ).toBe(1);
  });

  it('a street admin sees none of these rows of its own cadres, even in the database (row-level security)', async () => {
    expect((await get(streetAdmin, '/api/clarifications')).statusCode).toBe(403);
    // the same reads inside the street admin's scope, straight at the tables
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('app.context', 'user', true), set_config('app.user_id', $1, true),
                set_config('app.scope_mode', 'subtree', true), set_config('app.scope_path', $2, true),
                set_config('app.cadre_id', '', true), set_config('app.roles', 'unit_admin', true)`,
        [streetAdmin.userId, street.path],
      );
      const n = async (sql: string) =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]?.n;
      expect(await n('cadres')).toBe(2);
      expect(await n('discipline_records')).toBe(0);
      expect(await n('discipline_attachments')).toBe(0);
      expect(await n('clarifications')).toBe(0);
      expect(await n('clarification_accusers')).toBe(0);
      // only the applications it made itself
      expect(await n('tolerance_cases')).toBe(1);
      expect(await n('tolerance_case_records')).toBe(1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
