import type { InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import { savePhoto } from '../src/modules/cadre/repository.ts';
import { insertAttachment } from '../src/modules/discipline/repository/records.ts';
import { SERVER_MODULES } from '../src/modules/index.ts';
import { newRound } from './factories/assessment.ts';
import { newCadre, newCorrection } from './factories/cadre.ts';
import { newClarification, newFiling, newRecord, newToleranceCase } from './factories/discipline.ts';
import { newOrg } from './factories/org.ts';
import { newPairing } from './factories/pairing.ts';
import { newPayRun } from './factories/pay.ts';
import { newSelectionRows, type SelectionRows } from './factories/selection.ts';
import { newHonourRows, type HonourRows } from './factories/honours.ts';
import { newTrainingRows, type TrainingRows } from './factories/training.ts';
import { newPracticeRows, type PracticeRows } from './factories/practice.ts';
import { newCareHealthRows, type CareHealthRows } from './factories/care-health.ts';
import { newCareTalkRows, type CareTalkRows } from './factories/care-talks.ts';
import { newCareAidRows, type CareAidRows } from './factories/care-aid.ts';
import { newBurdenStaffingRows, type BurdenStaffingRows } from './factories/burden-staffing.ts';
import { newBurdenRegisterRows, type BurdenRegisterRows } from './factories/burden-registers.ts';
import { newSurveyRows, type SurveyRows } from './factories/survey.ts';

import { asSystem } from './factories/system.ts';
import { newUser } from './factories/users.ts';
import { newCase } from './factories/workflow.ts';
import type { TestDb } from './helpers.ts';
import { TINY_JPEG } from './samples.ts';

/**
 * The route-scope matrix's one shared fixture: two fresh streets made by the factories, the actor's own
 * and a foreign one holding one of each kind of scoped row. Read past RLS by the admin login.
 */
export interface Fixture {
  own: {
    orgId: string;
    orgPath: string;
    villageId: string;
    /** the cadre record of the 仅本人 actor */
    cadreId: string;
  };
  foreign: {
    orgId: string;
    orgPath: string;
    villageId: string;
    cadreId: string;
    userId: string;
    username: string;
    correctionId: string;
    /** an open assessment round organised by the foreign street, its target, and an unused slip */
    roundId: string;
    targetId: string;
    ballotCode: string;
    /** a pairing (结对帮扶) of two of the foreign street's cadres, with a note */
    pairingId: string;
    /**
     * 从严管理: a record of the foreign cadre with an attachment, the street's risk filing, an investigated
     * tolerance case with a committee and a measure, a report concluded 诬告陷害 with its accuser
     */
    recordId: string;
    attachmentId: string;
    filingId: string;
    toleranceCaseId: string;
    measureId: string;
    clarificationId: string;
    /** a grade appeal (考核等次申诉) of the foreign cadre, waiting for 复核 by the organisation department */
    caseId: string;
    /** a computed pay run of the foreign street (经济激励) with the foreign cadre's line */
    payRunId: string;
    /**
     * 选拔任用: a process of the foreign street with the foreign cadre as candidate, a running notice with an
     * open objection, the cadre's reserve membership, post review, unfit measure and a secondment hosted by
     * the foreign street's community
     */
    selection: SelectionRows;
    /** issue 15 (精神激励, 教育培训, 关心关爱): one row of each new table in the foreign street, by part */
    honours: HonourRows;
    training: TrainingRows;
    practice: PracticeRows;
    careHealth: CareHealthRows;
    careTalks: CareTalkRows;
    careAid: CareAidRows;
    burdenStaffing: BurdenStaffingRows;
    burdenRegisters: BurdenRegisterRows;
    survey: SurveyRows;
  };
  /** a policy pack version (packs are district-wide: readable by everyone with assessment.read) */
  packId: string;
  /** every id of the foreign street's subtree (orgs, cadres, accounts …): none may appear in an answer */
  foreignIds: string[];
  /** names of the foreign street's units (unique in the district) */
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

export async function buildFixture(db: TestDb): Promise<Fixture> {
  const own = await newOrg(db);
  const ownVillage = await newOrg(db, { parentId: own.id, kind: 'community' });
  const ownCadre = await newCadre(db, { orgId: own.id });
  const foreign = await newOrg(db);
  const foreignVillage = await newOrg(db, { parentId: foreign.id, kind: 'community' });
  // a foreign cadre with sensitive fields, an appointment and a photo
  const cadre = await newCadre(db, {
    orgId: foreign.id,
    idNumber: '11010519850601002X',
    phone: '13700000000',
    appointments: [
      {
        unitName: foreign.name,
        unitKind: 'street',
        title: '副主任',
        isLeadership: true,
        roleKind: 'team_member',
        rank: '副科级',
        start: '2020-01',
        end: null,
      },
    ],
  });
  await asSystem(db, (client) => savePhoto(client, cadre.id, 'image/jpeg', TINY_JPEG));
  const user = await newUser(db, { orgId: foreign.id, roles: ['unit_admin'], scopeMode: 'subtree' });
  const correctionId = await newCorrection(db, { cadreId: cadre.id, requestedBy: user.id });
  // an open round of the foreign street (Fengze street staff scheme) with one target and one unused slip
  const ballotCode = 'ABCD-EFGH-JKMN';
  const round = await newRound(db, {
    orgId: foreign.id,
    name: '越权测试轮次',
    cadreIds: [cadre.id],
    slips: { leadership: [ballotCode] },
  });
  const mentor = await newCadre(db, { orgId: foreign.id, postTitle: '主任' });
  const pairingId = await newPairing(db, {
    cadreId: cadre.id,
    mentorId: mentor.id,
    notes: [{ notedOn: '2026-03-15', content: '谈心谈话一次' }],
  });
  const recordId = await newRecord(db, { cadreId: cadre.id });
  const attachmentId = await asSystem(db, (client) =>
    insertAttachment(client, {
      recordId,
      name: '决定书.pdf',
      mime: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\n'),
      uploadedBy: null,
    }),
  );
  const filingId = await newFiling(db, { orgId: foreign.id, orgPath: foreign.path });
  const toleranceCase = await newToleranceCase(db, {
    cadreId: cadre.id,
    recordIds: [recordId],
    riskFilingId: filingId,
    committee: [{ userId: user.id, name: '外街道成员' }],
    investigatedOn: '2026-04-20',
    withMeasure: true,
  });
  const clarificationId = await newClarification(db, {
    cadreId: cadre.id,
    conclusion: 'false_accusation',
    accuser: '外街道举报人',
  });
  const foreignCadreUser = await newUser(db, {
    orgId: foreign.id,
    roles: ['cadre'],
    scopeMode: 'self',
    cadreId: cadre.id,
  });
  const caseId = await newCase(db, {
    kind: 'grade_appeal',
    orgId: foreign.id,
    openedBy: foreignCadreUser.id,
    subjectCadreId: cadre.id,
    title: '越权测试申诉',
  });
  await db.admin.query(`UPDATE cases SET current_step = 'review', trail = '{submit,review}' WHERE id = $1`, [
    caseId,
  ]);
  const payRun = await newPayRun(db, { orgId: foreign.id, cadreId: cadre.id });
  const selection = await newSelectionRows(db, {
    orgId: foreign.id,
    cadreId: cadre.id,
    hostOrgId: foreignVillage.id,
  });
  const issue15 = {
    orgId: foreign.id,
    cadreId: cadre.id,
    villageId: foreignVillage.id,
    userId: user.id,
    cadreUserId: foreignCadreUser.id,
  };
  const honours = await newHonourRows(db, issue15);
  const training = await newTrainingRows(db, issue15);
  const practice = await newPracticeRows(db, issue15);
  const careHealth = await newCareHealthRows(db, issue15);
  const careTalks = await newCareTalkRows(db, issue15);
  const careAid = await newCareAidRows(db, issue15);
  const burdenStaffing = await newBurdenStaffingRows(db, issue15);
  const burdenRegisters = await newBurdenRegisterRows(db, issue15);
  const survey = await newSurveyRows(db, issue15);
  const q = async <T>(sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows as T[];
  const [pack] = await q<{ id: string }>(
    `SELECT id FROM policy_packs ORDER BY pack_id, effective_from LIMIT 1`,
  );
  const ids = await q<{ id: string }>(
    `SELECT id::text FROM orgs WHERE path <@ $1::ltree UNION ALL SELECT id::text FROM cadres WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM users WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM cadre_corrections WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM assessment_rounds WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM assessment_targets WHERE unit_path <@ $1::ltree
     UNION ALL SELECT p.id::text FROM pairings p JOIN cadres c ON c.id = p.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT d.id::text FROM discipline_records d JOIN cadres c ON c.id = d.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT a.id::text FROM discipline_attachments a JOIN discipline_records d ON d.id = a.record_id
                JOIN cadres c ON c.id = d.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT f.id::text FROM risk_filings f WHERE f.org_path <@ $1::ltree
     UNION ALL SELECT t.id::text FROM tolerance_cases t JOIN cadres c ON c.id = t.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT m.id::text FROM tolerance_measures m JOIN tolerance_cases t ON t.id = m.tolerance_case_id
                JOIN cadres c ON c.id = t.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT k.id::text FROM clarifications k JOIN cadres c ON c.id = k.cadre_id WHERE c.org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM cases WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM pay_runs WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM pay_lines WHERE unit_path <@ $1::ltree
     UNION ALL SELECT id::text FROM selection_processes WHERE org_path <@ $1::ltree
     UNION ALL SELECT s.id::text FROM selection_candidates s JOIN selection_processes p ON p.id = s.process_id
                WHERE p.org_path <@ $1::ltree
     UNION ALL SELECT n.id::text FROM selection_notices n JOIN selection_processes p ON p.id = n.process_id
                WHERE p.org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM pool_members WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM selection_post_reviews WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM selection_unfit_measures WHERE org_path <@ $1::ltree
     UNION ALL SELECT id::text FROM selection_exchanges WHERE home_path <@ $1::ltree`,
    [foreign.path],
  );
  return {
    own: { orgId: own.id, orgPath: own.path, villageId: ownVillage.id, cadreId: ownCadre.id },
    foreign: {
      orgId: foreign.id,
      orgPath: foreign.path,
      villageId: foreignVillage.id,
      cadreId: cadre.id,
      userId: user.id,
      username: user.username,
      correctionId,
      roundId: round.id,
      targetId: round.targetIds[0] as string,
      ballotCode,
      pairingId,
      recordId,
      attachmentId,
      filingId,
      toleranceCaseId: toleranceCase.id,
      measureId: toleranceCase.measureId as string,
      clarificationId,
      caseId,
      payRunId: payRun.id,
      selection,
      honours,
      training,
      practice,
      careHealth,
      careTalks,
      careAid,
      burdenStaffing,
      burdenRegisters,
      survey,
    },
    packId: pack?.id as string,
    foreignIds: [
      ...ids.map((r) => r.id),
      ...idsOf(honours),
      ...idsOf(training),
      ...idsOf(practice),
      ...idsOf(careHealth),
      ...idsOf(careTalks),
      ...idsOf(careAid),
      ...idsOf(burdenStaffing),
      ...idsOf(burdenRegisters),
      ...idsOf(survey),
    ],
    foreignWorkbook: await workbookInto(foreign.name),
    foreignOrgNames: [foreign.name, foreignVillage.name],
  };
}

/** The ids among a factory's rows (every string value). */
function idsOf(rows: object): string[] {
  return Object.values(rows).filter((v): v is string => typeof v === 'string');
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

/** One module's routes, keyed `METHOD url` (in `test/<module>/scope-matrix.ts`, exported as `matrix`). */
export type ModuleMatrix = Record<string, MatrixEntry>;

/**
 * Every module's matrix, by module name, in the module list's order: each module with routes has a
 * `test/<name>/scope-matrix.ts` (a missing file fails here, a missing route fails the runner).
 */
export async function loadMatrices(): Promise<Map<string, ModuleMatrix>> {
  const out = new Map<string, ModuleMatrix>();
  for (const m of SERVER_MODULES) {
    if (m.routes.length === 0) continue;
    const file = (await import(`./${m.name}/scope-matrix.ts`)) as { matrix?: ModuleMatrix };
    if (!file.matrix) throw new Error(`test/${m.name}/scope-matrix.ts exports no \`matrix\``);
    out.set(m.name, file.matrix);
  }
  return out;
}

/**
 * SQL fragments, each a text over rows of the foreign street (`$1` is its org path), that the route matrix's
 * fingerprint adds to its md5: a module lists its own tables in `fingerprint` beside its `matrix` (any change
 * of the foreign street's rows shows as a changed fingerprint).
 */
export async function loadFingerprints(): Promise<string[]> {
  const out: string[] = [];
  for (const m of SERVER_MODULES) {
    if (m.routes.length === 0) continue;
    const file = (await import(`./${m.name}/scope-matrix.ts`)) as { fingerprint?: string[] };
    out.push(...(file.fingerprint ?? []));
  }
  return out;
}

/** Fill `:id` in a route pattern. */
export function urlFor(pattern: string, id: string | undefined, params: Record<string, string> = {}): string {
  let url = id ? pattern.replace(':id', id) : pattern;
  for (const [k, v] of Object.entries(params)) url = url.replace(`:${k}`, v);
  return url;
}

/** Routes outside the API matrix: the OpenAPI document and UI (static, public). */
export const isDocsRoute = (url: string) => url.startsWith('/api/docs');
