import { chinaToday } from '@ganbu/core';
import type { Actor, RequestContext } from '../../../platform/context.ts';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';

/**
 * The demo district's training year (Fengze pack), made through the service as 组织部 and the streets' admins
 * make it: one programme of each kind this year for the street cadres — 党校 (点名调训, one substitution
 * accepted), two 专题培训班 (报名), 流动党课, 远程教育 (学时), and a 调训 still to come whose list the first
 * street must confirm (one named cadre confirmed, one substitution waiting for 组织部). Attendance is recorded
 * for programmes already over: the demo cadre (first street's principal) has 8 + 1.5 = 9.5 days, short of
 * the 12 days; two colleagues reach 13.5 days; one has 3.5. Programmes still to come get no attendance.
 */
export async function seedDemoProgrammes(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  const street1 = await demoActor(ctx, 'street1');
  const street2 = await demoActor(ctx, 'street2');
  if (!orgdept || !street1 || !street2) return;
  const today = chinaToday(ctx.now);
  const year = today.slice(0, 4);
  const streets = ctx.district.orgs.filter((o) => o.kind === 'street');
  const streetIds = streets.map((s) => ctx.orgIds.get(s.key)).filter((id): id is string => !!id);
  const organiser = ctx.orgIds.get(ctx.district.orgs.find((o) => o.kind === 'district')?.key ?? '');
  if (!organiser || streetIds.length < 2) return;
  const cadresOf = (i: number) =>
    ctx.district.cadres
      .filter((c) => c.orgKey === streets[i]?.key)
      .map((c) => ctx.cadreIds.get(c.key))
      .filter((id): id is string => !!id);
  const s0 = cadresOf(0);
  const s1 = cadresOf(1);
  if (s0.length < 6 || s1.length < 5) return;

  const act = async <T>(actor: Actor, fn: (as: RequestContext) => Promise<T>): Promise<T> => {
    await setScope(client, actor);
    try {
      return await fn(demoRequestContext(ctx, actor));
    } finally {
      await setSystemScope(client);
    }
  };
  const as = (fn: (as: RequestContext) => Promise<unknown>) => act(orgdept, fn);
  const target = { orgIds: streetIds, condition: null };
  const create = (p: {
    name: string;
    kindId: string;
    startOn: string;
    endOn: string;
    days?: number;
    hours?: number;
    enrolmentMode: 'application' | 'competitive' | 'dispatch';
    seats?: number;
  }) =>
    act(orgdept, (c) =>
      service.createProgramme(c, {
        ...p,
        startOn: `${year}-${p.startOn}`,
        endOn: `${year}-${p.endOn}`,
        organiserOrgId: organiser,
        target,
        seats: p.seats ?? null,
      }),
    );
  const admitAll = async (programmeId: string, cadreIds: string[], unit: Actor) => {
    const { items } = await act(unit, (c) => service.addEnrolments(c, programmeId, { cadreIds }));
    for (const e of items) await as((c) => service.decide(c, e.id, { decision: 'admit' }));
  };
  const attend = async (programme: { id: string; endOn: string }, cadreIds: string[]) => {
    if (programme.endOn > today) return;
    await as((c) =>
      service.recordAttendance(c, programme.id, {
        records: cadreIds.map((cadreId) => ({ cadreId, attended: true })),
      }),
    );
  };

  // 党校: the district party school's class, named from the first two streets; street 2 asks to send
  // another cadre instead of its fourth and 组织部 agrees
  const school = await create({
    name: '区委党校第一期中青年干部培训班',
    kindId: 'party_school',
    startOn: '03-09',
    endOn: '03-18',
    days: 8,
    enrolmentMode: 'dispatch',
  });
  const named = await act(orgdept, (c) =>
    service.addEnrolments(c, school.id, { cadreIds: [...s0.slice(0, 3), ...s1.slice(0, 4)] }),
  );
  const enrolmentOf = (cadreId: string) => named.items.find((e) => e.cadreId === cadreId)!.id;
  for (const id of s0.slice(0, 3)) await act(street1, (c) => service.confirm(c, enrolmentOf(id)));
  for (const id of s1.slice(0, 3)) await act(street2, (c) => service.confirm(c, enrolmentOf(id)));
  await act(street2, (c) =>
    service.requestSubstitution(c, enrolmentOf(s1[3]!), {
      substituteCadreId: s1[4]!,
      reason: '该同志正在负责辖区征迁攻坚，无法脱产参训',
    }),
  );
  await as((c) => service.decideSubstitution(c, enrolmentOf(s1[3]!), { accept: true, note: '同意替换' }));
  await attend(school, [...s0.slice(0, 3), ...s1.slice(0, 3), s1[4]!]);

  // 专题培训班 (报名): 28 学时 = 3.5 days for two colleagues and one more; 12 学时 = 1.5 days for the demo cadre
  const governance = await create({
    name: '街道干部基层治理专题业务培训班',
    kindId: 'special',
    startOn: '05-12',
    endOn: '05-15',
    hours: 28,
    enrolmentMode: 'application',
  });
  await admitAll(governance.id, [s0[1]!, s0[2]!, s0[3]!], street1);
  await attend(governance, [s0[1]!, s0[2]!, s0[3]!]);
  const safety = await create({
    name: '街道干部安全生产专题培训',
    kindId: 'special',
    startOn: '06-20',
    endOn: '06-21',
    hours: 12,
    enrolmentMode: 'application',
  });
  await admitAll(safety.id, [s0[0]!], street1);
  await attend(safety, [s0[0]!]);

  // 流动党课 and 远程教育 (16 学时 = 2 days) for the two colleagues: 8 + 3.5 + 2 = 13.5 days
  const lecture = await create({
    name: '“七一”流动党课',
    kindId: 'mobile_lecture',
    startOn: '07-01',
    endOn: '07-01',
    days: 1,
    enrolmentMode: 'application',
  });
  await admitAll(lecture.id, [s0[1]!, s0[2]!], street1);
  await attend(lecture, [s0[1]!, s0[2]!]);
  const remote = await create({
    name: '远程教育：学习贯彻党的创新理论网络专题班',
    kindId: 'remote',
    startOn: '09-01',
    endOn: '09-30',
    hours: 16,
    enrolmentMode: 'application',
  });
  await admitAll(remote.id, [s0[1]!, s0[2]!], street1);
  await attend(remote, [s0[1]!, s0[2]!]);

  // 调训 still to come: the first street must send two (one confirmed, one substitution waiting), the
  // second street two (not yet confirmed)
  const dispatch = await create({
    name: '市委党校街道干部调训班',
    kindId: 'dispatch',
    startOn: '12-07',
    endOn: '12-11',
    days: 5,
    enrolmentMode: 'dispatch',
  });
  const list = await act(orgdept, (c) =>
    service.addEnrolments(c, dispatch.id, { cadreIds: [s0[3]!, s0[4]!, s1[1]!, s1[2]!] }),
  );
  const of = (cadreId: string) => list.items.find((e) => e.cadreId === cadreId)!.id;
  await act(street1, (c) => service.confirm(c, of(s0[3]!)));
  await act(street1, (c) =>
    service.requestSubstitution(c, of(s0[4]!), {
      substituteCadreId: s0[5]!,
      reason: '该同志同期参加区重点项目专班，申请改派',
    }),
  );
}
