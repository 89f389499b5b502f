import { chinaToday, workingPeriod } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { loadWorkingCalendar } from '../../calendar/service.ts';
import * as service from './service.ts';

/**
 * The demo district's commendations, made as 组织部 makes them (the district runs the Fengze pack), dated from
 * today: this year's 通报表扬 decided after its 公示 (six cadres of streets and departments with their deeds:
 * the hero board), and this year's 评先评优 still taking nominations from streets and departments. A cadre
 * the engine finds ineligible (a demo 诫勉) is passed over, as the officer would.
 */

const DEEDS = [
  '牵头推进老旧小区改造，协调解决加装电梯、管网改造等群众急难愁盼问题 40 余件，辖区群众满意度明显提升。',
  '防汛救灾中连续 72 小时坚守一线，组织转移群众 300 余人，实现零伤亡。',
  '主动服务重点项目建设，驻点协调征迁工作，提前两个月完成项目用地交付。',
  '深入开展矛盾纠纷排查化解，全年调处信访积案 12 件，化解率 100%。',
  '创新“一窗通办”服务模式，企业开办时间压缩至 1 个工作日，获省级通报表扬。',
  '扎根社区十余年，建立独居老人“每日一问”帮扶机制，带动志愿者 200 余人参与。',
];

const EXCELLENCE_DEEDS = [
  '年度考核优秀，统筹推进基层治理网格化改革，经验做法在全区推广。',
  '主动请缨驻村帮扶，发展特色产业，带动村集体经济收入增长 30%。',
  '聚焦营商环境优化，牵头梳理政务服务事项 600 余项，实现“最多跑一次”。',
];

function dayAfter(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

export async function seedDemoBatches(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!orgdept) return;
  const as = demoRequestContext(ctx, orgdept);
  const today = chinaToday(ctx.now);
  const year = Number(today.slice(0, 4));
  const orgsOf = (kind: string) => ctx.district.orgs.filter((o) => o.kind === kind);
  // a unit's cadres past its principal (the first), by generator key
  const cadresOf = (orgKey: string | undefined) =>
    ctx.district.cadres
      .filter((c) => c.orgKey === orgKey)
      .slice(1)
      .map((c) => ctx.cadreIds.get(c.key))
      .filter((id): id is string => id !== undefined);
  const streets = orgsOf('street');
  const departments = orgsOf('department').filter((d) => !d.name.includes('组织部'));
  /** nominate the first `n` eligible cadres of a unit, with their deeds */
  const nominate = async (batchId: string, orgKey: string | undefined, n: number, deeds: string[]) => {
    let done = 0;
    for (const cadreId of cadresOf(orgKey)) {
      if (done >= n || !deeds.length) break;
      try {
        await service.nominate(as, batchId, { cadreId, deeds: deeds[0]!, usePhoto: true });
        deeds.shift();
        done += 1;
      } catch (e) {
        // not eligible (a demo 诫勉) or the unit's quota is full: the officer passes over them
        if (!(e instanceof AppError)) throw e;
      }
    }
  };
  try {
    await setScope(client, orgdept);
    // 通报表扬, decided: its 公示 of the pack's working days ran from a month ago
    const commendation = await service.createBatch(as, {
      name: `${year}年度担当作为好干部通报表扬`,
      year,
      kindId: 'commendation',
    });
    await service.openBatch(as, commendation.id);
    const deeds = [...DEEDS];
    await nominate(commendation.id, streets[0]?.key, 2, deeds);
    await nominate(commendation.id, streets[1]?.key, 1, deeds);
    await nominate(commendation.id, streets[2]?.key, 1, deeds);
    await nominate(commendation.id, departments[0]?.key, 1, deeds);
    await nominate(commendation.id, departments[1]?.key, 1, deeds);
    const cal = await loadWorkingCalendar(client);
    // the first working day from 30 days ago; the decision on the first working day after the notice
    let from = dayAfter(today, -30);
    if (from.slice(0, 4) !== String(year)) from = `${year}-01-05`;
    const start = workingPeriod(cal, from, 1).date;
    const end = workingPeriod(cal, start, commendation.noticeWorkingDays).date;
    const next = workingPeriod(cal, dayAfter(end, 1), 1).date;
    const decidedOn = next <= today ? next : null;
    await service.startNotice(as, commendation.id, { startOn: start });
    if (decidedOn)
      await service.decide(as, commendation.id, { decidedOn, documentNumber: `丰组〔${year}〕18号` });

    // 评先评优, nominating: two streets and a department have nominated
    const excellence = await service.createBatch(as, {
      name: `${year}年度优秀干部评选`,
      year,
      kindId: 'excellence',
    });
    await service.openBatch(as, excellence.id);
    const more = [...EXCELLENCE_DEEDS];
    await nominate(excellence.id, streets[3]?.key, 1, more);
    await nominate(excellence.id, streets[4]?.key, 1, more);
    await nominate(excellence.id, departments[2]?.key, 1, more);
  } finally {
    await setSystemScope(client);
  }
}
