import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import type { Actor, RequestContext } from '../../../platform/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { registerTalkCaseHandlers } from './cases.ts';
import { answerRequest, requestTalk } from './requests.ts';
import { createLeader, recordTalks } from './service.ts';

const DAY = 86_400_000;

/**
 * The demo district's talks (after cadres and accounts): the principal leader (区委书记, the demo `leader`
 * account) and two linked district leaders without accounts (the first with the first street and two
 * departments, the second with the second street and the organisation department); this year's talks of the
 * principal with the first street's heads and of the linked leader with some of its team; two requests of
 * the demo cadre to talk with the 区委书记 — one answered three days after it was made, one waiting.
 */
export async function seedDemoTalks(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  const leader = await demoActor(ctx, 'leader');
  const cadre = await demoActor(ctx, 'cadre');
  if (!orgdept || !leader) return;
  registerTalkCaseHandlers();
  const at = (actor: Actor, daysAgo = 0): RequestContext => ({
    ...demoRequestContext(ctx, actor),
    now: new Date(ctx.now.getTime() - daysAgo * DAY),
  });
  const orgId = (pred: (o: DemoSeedContext['district']['orgs'][number]) => boolean, n = 0) => {
    const key = ctx.district.orgs.filter(pred)[n]?.key;
    return key ? ctx.orgIds.get(key) : undefined;
  };
  const street1 = orgId((o) => o.kind === 'street', 0);
  const street2 = orgId((o) => o.kind === 'street', 1);
  const byName = (name: string) => orgId((o) => o.name === name);
  const links = (ids: (string | undefined)[]) => ids.filter((x): x is string => x !== undefined);
  try {
    await setScope(client, orgdept);
    const principal = await createLeader(at(orgdept), {
      name: '周明远',
      title: '区委书记',
      kind: 'principal',
      userId: leader.userId,
      orgIds: [],
    });
    const mayor = await createLeader(at(orgdept), {
      name: '陈立华',
      title: '区委副书记、区长',
      kind: 'linked',
      orgIds: links([street1, byName('区发展和改革局'), byName('区财政局')]),
    });
    await createLeader(at(orgdept), {
      name: '黄少峰',
      title: '区委常委、组织部部长',
      kind: 'linked',
      orgIds: links([street2, byName('区委组织部')]),
    });
    if (street1) {
      const { rows } = await client.query<{ id: string; role: string | null }>(
        `SELECT id, fact_current_role_kind AS role FROM cadres
          WHERE org_id = $1 AND fact_current_leadership ORDER BY fact_current_role_kind NULLS LAST, id`,
        [street1],
      );
      const heads = rows.filter((r) => r.role === 'party_secretary' || r.role === 'government_head');
      const team = rows.filter((r) => !heads.includes(r)).slice(0, 3);
      const day = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
      if (heads.length)
        await recordTalks(at(orgdept), {
          leaderId: principal.id,
          cadreIds: heads.map((h) => h.id),
          heldOn: day(150),
          form: 'individual',
          topics: '年度重点工作推进、班子团结和个人思想状况',
          notes: '表示将抓好项目攻坚，提出希望加强街道编制保障。',
        });
      if (team.length)
        await recordTalks(at(orgdept), {
          leaderId: mayor.id,
          cadreIds: team.map((h) => h.id),
          heldOn: day(60),
          form: 'group',
          topics: '分管领域工作和廉洁自律',
          notes: '',
        });
    }
    if (cadre?.cadreId) {
      await setScope(client, cadre);
      const answered = await requestTalk(at(cadre, 20), {
        leaderId: principal.id,
        reason: '家中老人长期住院，想当面汇报工作安排上的困难。',
      });
      await setScope(client, leader);
      await answerRequest(at(leader, 17), answered.id, {
        answer: '已安排下周二上午九点在区委办公楼谈话，请提前与区委办联系。',
      });
      await setScope(client, cadre);
      await requestTalk(at(cadre, 3), {
        leaderId: principal.id,
        reason: '对所在街道基层治理工作有几点想法，希望面谈。',
      });
    }
  } finally {
    await setSystemScope(client);
  }
}
