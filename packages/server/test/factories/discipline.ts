import {
  conclude,
  insertClarification,
  upsertAccuser,
} from '../../src/modules/discipline/repository/clarifications.ts';
import { insertFiling } from '../../src/modules/discipline/repository/filings.ts';
import { insertRecord } from '../../src/modules/discipline/repository/records.ts';
import * as tol from '../../src/modules/discipline/repository/tolerance.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/** A strict-management record of `cadreId` through the module's repository (default: a 诫勉 of 2026-03-02). */
export async function newRecord(
  db: TestDb,
  r: { cadreId: string; kind?: string; grade?: string | null; decidedOn?: string; facts?: string },
): Promise<string> {
  return asSystem(db, (client) =>
    insertRecord(client, {
      cadreId: r.cadreId,
      kind: r.kind ?? 'admonishment',
      grade: r.grade ?? null,
      facts: r.facts ?? '工作作风不实',
      decidedBy: '区纪委',
      decidedOn: r.decidedOn ?? '2026-03-02',
      documentNo: '测纪〔2026〕1号',
      createdBy: null,
    }),
  );
}

/** A risk filing of a unit (default: filed 2026-01-12 for work starting 2026-02-01). */
export async function newFiling(
  db: TestDb,
  f: { orgId: string; orgPath: string; filedOn?: string; workStartsOn?: string },
): Promise<string> {
  return asSystem(db, (client) =>
    insertFiling(client, {
      orgId: f.orgId,
      orgPath: f.orgPath,
      project: '改革试点项目',
      risks: '程序衔接风险',
      measures: '全程留痕',
      workStartsOn: f.workStartsOn ?? '2026-02-01',
      filedOn: f.filedOn ?? '2026-01-12',
      filedBy: null,
    }),
  );
}

/** A tolerance case of `cadreId` linking `recordIds`, optionally with a committee and a measure. */
export async function newToleranceCase(
  db: TestDb,
  c: {
    cadreId: string;
    recordIds?: string[];
    riskFilingId?: string | null;
    committee?: { userId: string; name: string }[];
    investigatedOn?: string;
    withMeasure?: boolean;
  },
): Promise<{ id: string; measureId: string | null }> {
  return asSystem(db, async (client) => {
    const id = await tol.insertCase(client, {
      cadreId: c.cadreId,
      appliedBy: 'unit',
      appliedOn: '2026-03-10',
      factsOn: '2026-02-18',
      facts: '先行先试中的程序瑕疵',
      riskFilingId: c.riskFilingId ?? null,
      createdBy: null,
    });
    await tol.linkRecords(client, id, c.recordIds ?? []);
    if (c.investigatedOn)
      await tol.updateInvestigation(client, id, {
        investigation: '已调查',
        investigatedOn: c.investigatedOn,
      });
    if (c.committee) await tol.replaceCommittee(client, id, c.committee);
    const measureId = c.withMeasure
      ? await tol.insertMeasure(client, id, { measure: '完善制度', dueOn: '2026-12-31' })
      : null;
    return { id, measureId };
  });
}

/** A report about `cadreId`, concluded when `conclusion` is given, with an accuser when named. */
export async function newClarification(
  db: TestDb,
  k: {
    cadreId: string;
    conclusion?: 'founded' | 'partly_founded' | 'unfounded' | 'false_accusation';
    accuser?: string;
  },
): Promise<string> {
  return asSystem(db, async (client) => {
    const id = await insertClarification(client, {
      cadreId: k.cadreId,
      receivedOn: '2026-08-03',
      channel: '12380举报',
      allegation: '反映其优亲厚友',
      createdBy: null,
    });
    if (k.conclusion)
      await conclude(client, id, {
        conclusion: k.conclusion,
        verification: '经核查，反映不实',
        documentNo: '测纪澄〔2026〕1号',
        concludedOn: '2026-09-10',
      });
    if (k.accuser)
      await upsertAccuser(client, id, { accuser: k.accuser, handling: '移送处理', createdBy: null });
    return id;
  });
}
