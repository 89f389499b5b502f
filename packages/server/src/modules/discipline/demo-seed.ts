import type { DemoSeedContext } from '../../demo/context.ts';
import { conclude, insertClarification, markNoticeIssued } from './repository/clarifications.ts';
import { insertFiling } from './repository/filings.ts';
import { insertRecord } from './repository/records.ts';
import * as tol from './repository/tolerance.ts';

/**
 * The demo district's strict-management data (after cadres and accounts): in the first street, a 诫勉 of
 * 2026-03-02 on the cadre behind the `cadre` account, exempted by a 免责 decision of 2026-05-10 after a
 * risk filing made before the work began; two 提醒 within twelve months on the next cadre; a report about
 * a third concluded 不实 with its notice. In the second street, a 党内警告 under an open tolerance case.
 * Fixed dates, so the same every time.
 */
export async function seedDemoDiscipline(ctx: DemoSeedContext): Promise<void> {
  const { client, district } = ctx;
  const streets = district.orgs.filter((o) => o.kind === 'street');
  const [s1, s2] = streets;
  if (!s1 || !s2) throw new Error('demo discipline: the district has fewer than two streets');
  const cadreOf = (orgKey: string, n: number) => {
    const c = district.cadres.filter((x) => x.orgKey === orgKey)[n];
    const id = c && ctx.cadreIds.get(c.key);
    if (!c || !id) throw new Error(`demo discipline: no cadre #${n} in ${orgKey}`);
    return { id, name: c.name };
  };
  const userId = async (username: string) => {
    const { rows } = await client.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE username = $1',
      [username],
    );
    const row = rows[0];
    if (!row) throw new Error(`demo discipline: no account ${username}`);
    return { userId: row.id, name: row.display_name };
  };
  const admonished = cadreOf(s1.key, 0);
  const reminded = cadreOf(s1.key, 1);
  const reported = cadreOf(s1.key, 2);
  const warned = cadreOf(s2.key, 0);
  const record = (
    cadreId: string,
    r: { kind: string; grade?: string; facts: string; by: string; on: string; no: string },
  ) =>
    insertRecord(client, {
      cadreId,
      kind: r.kind,
      grade: r.grade ?? null,
      facts: r.facts,
      decidedBy: r.by,
      decidedOn: r.on,
      documentNo: r.no,
      createdBy: null,
    });

  const admonishment = await record(admonished.id, {
    kind: 'admonishment',
    facts: '老旧小区改造项目中未按规定程序先行开展施工招标，造成程序瑕疵',
    by: '区纪委',
    on: '2026-03-02',
    no: '清纪诫〔2026〕3号',
  });
  await record(reminded.id, {
    kind: 'reminder',
    facts: '信访件办理超期，群众反映较多',
    by: '区委组织部',
    on: '2026-04-08',
    no: '清组提〔2026〕5号',
  });
  await record(reminded.id, {
    kind: 'reminder',
    facts: '防汛值班期间脱岗两小时',
    by: '区委组织部',
    on: '2026-09-16',
    no: '清组提〔2026〕12号',
  });
  const warning = await record(warned.id, {
    kind: 'party_discipline',
    grade: 'warning',
    facts: '违规使用公务用车办理私事',
    by: '区纪委',
    on: '2026-06-20',
    no: '清纪处〔2026〕8号',
  });

  const filingId = await insertFiling(client, {
    orgId: ctx.orgIds.get(s1.key) as string,
    orgPath: ctx.orgPaths.get(s1.key) as string,
    project: '老旧小区改造“一件事”集成改革',
    risks: '审批与施工并联推进，部分程序先行先试，可能与既有招标流程衔接不畅',
    measures: '每周联审会议；重大节点报街道党工委研究；全程留痕',
    workStartsOn: '2026-02-01',
    filedOn: '2026-01-12',
    filedBy: null,
  });

  // the decided case: 免责 of the 诫勉, 报备在先
  const orgdept = await userId('orgdept');
  const jijian = await userId('jijian');
  const decided = await tol.insertCase(client, {
    cadreId: admonished.id,
    appliedBy: 'unit',
    appliedOn: '2026-03-10',
    factsOn: '2026-02-18',
    facts: '为赶在汛期前完成改造，经街道党工委集体研究，施工与招标并联推进，未谋取私利，已按报备方案补齐程序',
    riskFilingId: filingId,
    createdBy: null,
  });
  await tol.linkRecords(client, decided, [admonishment]);
  const yes = (note: string) => ({ answer: 'yes' as const, note });
  await tol.updateInvestigation(client, decided, {
    checklist: {
      threeDistinctions: yes('属于缺乏经验、先行先试中出现的失误'),
      motive: yes('出于推进改革、为民办事'),
      conditions: yes('汛期临近，时间紧迫'),
      procedure: yes('经党工委集体研究决策'),
      nature: yes('程序瑕疵，情节轻微'),
      consequences: yes('未造成损失'),
      recovery: yes('已补齐招标程序'),
      lawful: yes('不违反法律禁止性规定'),
      dutyDone: yes('勤勉履职'),
      publicInterest: yes('未谋取私利'),
      harmAvoided: yes('主动报告并纠正'),
    },
    investigation: '调阅党工委会议纪要、项目台账，走访施工单位和居民代表共六人，事实清楚。',
    investigatedOn: '2026-04-20',
  });
  await tol.replaceCommittee(client, decided, [orgdept, jijian]);
  await tol.decide(client, decided, {
    outcome: 'exempt',
    decidedOn: '2026-05-10',
    reason: '符合“三个区分开来”要求，属于改革创新中的先行先试失误，且事前已报备，予以免责',
    documentNo: '清容〔2026〕1号',
    committee: [orgdept.name, jijian.name],
  });
  await tol.insertMeasure(client, decided, { measure: '完善并联审批与招标衔接流程', dueOn: '2026-06-30' });
  await tol.insertFollowup(client, decided, {
    visitedOn: '2026-08-12',
    notes: '回访谈心，该同志工作状态良好，继续牵头改造项目',
    writtenBy: orgdept.userId,
    writtenByName: orgdept.name,
  });

  // the open case: applied by the cadre, not yet investigated
  const open = await tol.insertCase(client, {
    cadreId: warned.id,
    appliedBy: 'cadre',
    appliedOn: '2026-07-01',
    factsOn: '2026-05-28',
    facts: '用车系处置突发事件途中顺路，申请容错',
    riskFilingId: null,
    createdBy: null,
  });
  await tol.linkRecords(client, open, [warning]);

  // a report concluded 不实, with its notice
  const clarification = await insertClarification(client, {
    cadreId: reported.id,
    receivedOn: '2026-08-03',
    channel: '12380举报',
    allegation: '反映其在征地拆迁中优亲厚友',
    createdBy: null,
  });
  await conclude(client, clarification, {
    conclusion: 'unfounded',
    verification: '调阅拆迁安置台账，核对补偿标准，走访相关农户九户，未发现优亲厚友情况',
    documentNo: '清纪澄〔2026〕2号',
    concludedOn: '2026-09-10',
  });
  await markNoticeIssued(client, clarification, '2026-09-12');
}
