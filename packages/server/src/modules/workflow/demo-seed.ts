import {
  applyAction,
  caseReaderRoles,
  chinaToday,
  packInForce,
  shippedPacks,
  startCase,
  type CaseAction,
  type CaseActor,
  type CaseState,
  type Role,
  type ScopeMode,
} from '@ganbu/core';
import type { DemoSeedContext } from '../../demo/context.ts';
import { workingDayCounter } from './deadlines.ts';
import { appendEvent, insertCase } from './repository.ts';

interface DemoUser extends CaseActor {
  name: string;
}

/**
 * A few matters in the demo district's inboxes (after the accounts): the cadre's grade appeal waiting for
 * 复核, tolerance cases at 受理 (one past its deadline), 调查核实 and 联席会议研究 (the district leader on the
 * committee), and a clarification at 核查 for the discipline liaison. Walked through the engine, so every
 * state and deadline is one the rules give.
 */
export async function seedDemoCases(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const day = chinaToday(ctx.now);
  const pack = packInForce(
    shippedPacks().filter((p) => p.id === 'fengze'),
    day,
  );
  const kinds = pack?.workflow?.caseKinds;
  if (!pack || !kinds) return;
  const add = await workingDayCounter(client);

  const { rows: users } = await client.query<{
    id: string;
    username: string;
    display_name: string;
    roles: Role[];
    scope_mode: ScopeMode;
    org_id: string;
    org_path: string;
    cadre_id: string | null;
  }>(
    `SELECT id, username, display_name, roles, scope_mode, org_id, org_path::text AS org_path, cadre_id
       FROM users WHERE username = ANY($1)`,
    [['orgdept', 'leader', 'jijian', 'cadre']],
  );
  const user = (username: string): DemoUser & { orgId: string; cadreId: string | null } => {
    const u = users.find((r) => r.username === username);
    if (!u) throw new Error(`demo cases: no account ${username}`);
    return {
      userId: u.id,
      roles: u.roles,
      scope: { mode: u.scope_mode, orgPath: u.org_path, cadreId: u.cadre_id },
      name: u.display_name,
      orgId: u.org_id,
      cadreId: u.cadre_id,
    };
  };
  const orgdept = user('orgdept');
  const leader = user('leader');
  const jijian = user('jijian');
  const cadre = user('cadre');
  const streets = ctx.district.orgs.filter((o) => o.kind === 'street');
  const cadreOf = (orgKey: string | undefined) => {
    const c = ctx.district.cadres.find((x) => x.orgKey === orgKey);
    return c ? { id: ctx.cadreIds.get(c.key) ?? null, name: c.name } : { id: null, name: '' };
  };
  const hoursAgo = (h: number) => new Date(ctx.now.getTime() - h * 3_600_000).toISOString();

  const seed = async (c: {
    kind: 'tolerance' | 'clarification' | 'grade_appeal';
    orgKey: string;
    opener: DemoUser;
    subjectCadreId: string | null;
    title: string;
    members?: { group: string; userIds: string[] }[];
    openedHoursAgo: number;
    steps: { action: CaseAction; by: DemoUser; hoursAgo: number; comment?: string }[];
  }): Promise<string | null> => {
    const kind = kinds[c.kind];
    const orgId = ctx.orgIds.get(c.orgKey);
    const orgPath = ctx.orgPaths.get(c.orgKey);
    if (!kind || !orgId || !orgPath) return null;
    const members = c.members ?? [];
    const openedAt = hoursAgo(c.openedHoursAgo);
    const started = startCase(
      kind,
      { orgPath, openedBy: c.opener.userId, subjectCadreId: c.subjectCadreId, members },
      openedAt,
      add,
    );
    let state: CaseState = started.state;
    const events = [{ ...started.event, actorId: c.opener.userId, actorName: c.opener.name }];
    for (const s of c.steps) {
      const r = applyAction(
        kind,
        state,
        { action: s.action, actor: s.by, at: hoursAgo(s.hoursAgo), comment: s.comment },
        add,
      );
      if (!r.ok) throw new Error(`demo case ${c.title}: ${s.action} refused (${r.problem})`);
      state = r.state;
      events.push({ ...r.event, actorId: s.by.userId, actorName: s.by.name });
    }
    const id = crypto.randomUUID();
    await insertCase(client, {
      id,
      kind: c.kind,
      packId: pack.id,
      packEffectiveFrom: pack.version.effectiveFrom,
      definition: kind,
      orgId,
      orgPath,
      subjectCadreId: c.subjectCadreId,
      title: c.title,
      status: state.status,
      currentStep: state.currentStep,
      trail: state.trail,
      stepSince: state.since,
      dueOn: state.dueOn,
      link: null,
      openedBy: c.opener.userId,
      openedAt,
      readerRoles: caseReaderRoles(kind),
      partyIds: [...new Set([c.opener.userId, ...members.flatMap((m) => m.userIds)])],
      members,
    });
    for (const e of events) await appendEvent(client, id, e);
    return id;
  };

  const year = ctx.now.getUTCFullYear() - 1;
  const cadreStreet = streets[0]?.key ?? '';
  const appealId = await seed({
    kind: 'grade_appeal',
    orgKey: cadreStreet,
    opener: cadre,
    subjectCadreId: cadre.cadreId,
    title: `${cadre.name}对${year}年度考核等次的申诉`,
    openedHoursAgo: 75,
    steps: [
      {
        action: 'submit',
        by: cadre,
        hoursAgo: 74,
        comment: '本人全年承担征迁攻坚任务，民主测评得分计算有误，申请复核。',
      },
    ],
  });
  // the appeal is of her result in last year's published round (考核等次申诉 ties it to the target)
  if (appealId && cadre.cadreId)
    await client.query(
      `INSERT INTO assessment_appeals (target_id, case_id)
       SELECT t.id, $2 FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
        WHERE t.cadre_id = $1 AND r.state = 'published' ORDER BY r.period_end DESC LIMIT 1`,
      [cadre.cadreId, appealId],
    );
  const committee = [{ group: 'committee', userIds: [leader.userId] }];
  const tolerance = (i: number) => {
    const street = streets[i % Math.max(streets.length, 1)];
    const subject = cadreOf(street?.key);
    return { orgKey: street?.key ?? '', subject };
  };
  const t1 = tolerance(1);
  await seed({
    kind: 'tolerance',
    orgKey: t1.orgKey,
    opener: orgdept,
    subjectCadreId: t1.subject.id,
    title: `${t1.subject.name}在老旧小区改造中先行先试的容错申请`,
    members: committee,
    openedHoursAgo: 24 * 20,
    steps: [],
  });
  const t2 = tolerance(2);
  await seed({
    kind: 'tolerance',
    orgKey: t2.orgKey,
    opener: orgdept,
    subjectCadreId: t2.subject.id,
    title: `${t2.subject.name}招商引资项目容错申请`,
    members: committee,
    openedHoursAgo: 24 * 9,
    steps: [{ action: 'approve', by: orgdept, hoursAgo: 24 * 8 }],
  });
  const t3 = tolerance(3);
  await seed({
    kind: 'tolerance',
    orgKey: t3.orgKey,
    opener: orgdept,
    subjectCadreId: t3.subject.id,
    title: `${t3.subject.name}应急处置中程序瑕疵的容错申请`,
    members: committee,
    openedHoursAgo: 24 * 30,
    steps: [
      { action: 'approve', by: orgdept, hoursAgo: 24 * 29 },
      {
        action: 'approve',
        by: orgdept,
        hoursAgo: 24 * 6,
        comment: '经调查，出于公心、程序基本合规，损失已挽回，建议免责。',
      },
    ],
  });
  const c1 = tolerance(0);
  await seed({
    kind: 'clarification',
    orgKey: c1.orgKey,
    opener: jijian,
    subjectCadreId: c1.subject.id,
    title: `关于${c1.subject.name}的信访举报核查`,
    openedHoursAgo: 50,
    steps: [],
  });
}
