import { addMonths, chinaToday } from '@ganbu/core';
import type { DemoSeedContext } from '../../../demo/context.ts';
import * as repo from './repository.ts';
import { burdenPolicies } from './service.ts';

/**
 * The demo district's registers for 2025 and 2026, Fengze-sized and shaped like Hongdong's report so the
 * summary page shows a real trend: meetings 200 → 153 (12,000 → 10,704 minutes), documents 95 → 68 and
 * inspections 50 → 31 (the district's departments organising, the streets attending or inspected; items
 * beyond the plan of 30 with the committee's approval, one-vote-veto items with the provincial approval),
 * and the first street's overtime over the last three months. Dates of this year stay before today.
 */
export async function seedDemoRegisters(ctx: DemoSeedContext): Promise<void> {
  const today = chinaToday(ctx.now);
  const policyAt = await burdenPolicies(ctx.client);
  const { rows: users } = await ctx.client.query<{ id: string }>(
    `SELECT id FROM users WHERE username = 'orgdept'`,
  );
  const createdBy = users[0]?.id ?? null;
  const orgs = await repo.allOrgs(ctx.client);
  const departments = orgs.filter((o) => o.kind === 'department');
  const streets = orgs.filter((o) => o.kind === 'street');
  const district = orgs.find((o) => o.kind === 'district');
  if (!district || departments.length === 0 || streets.length === 0) return;
  const organisers = [district, ...departments];

  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  /** the i-th of n dates spread over the year (this year: up to a week before today) */
  const dateOf = (year: number, i: number, n: number) => {
    const end = year === thisYear ? today : `${year}-12-20`;
    const startMs = Date.parse(`${year}-01-05T00:00:00Z`);
    const endMs = Math.max(startMs, Date.parse(`${end}T00:00:00Z`) - 7 * 86_400_000);
    return new Date(startMs + Math.floor(((endMs - startMs) * i) / Math.max(1, n)))
      .toISOString()
      .slice(0, 10);
  };
  const blank = {
    endDate: null,
    level: '',
    minutes: null,
    video: null,
    docNumber: null,
    targetOrgIds: [] as string[],
    veto: false,
    overPlanRef: null,
    overPlanOn: null,
    vetoRef: null,
    vetoOn: null,
    explanation: '',
    cadreId: null,
    times: null,
    hours: null,
  };
  const entries: repo.EntryWrite[] = [];

  const meetingTitles = ['工作部署会', '推进会', '调度会', '培训会', '座谈会'];
  const plan = [
    { year: lastYear, meetings: 200, minutes: () => 60, documents: 95, inspections: 50 },
    // 10,704 minutes: 152 × 70 + 64
    {
      year: thisYear,
      meetings: 153,
      minutes: (i: number) => (i === 0 ? 64 : 70),
      documents: 68,
      inspections: 31,
    },
  ];
  for (const y of plan) {
    for (let i = 0; i < y.meetings; i++) {
      const onDate = dateOf(y.year, i, y.meetings);
      const p = policyAt(onDate);
      const kinds = p.section.meetings.meetingKinds;
      const kind = kinds[i % kinds.length]!;
      const org = organisers[i % organisers.length]!;
      entries.push({
        ...blank,
        register: 'meeting',
        orgId: org.id,
        orgPath: org.path,
        orgName: org.name,
        year: y.year,
        onDate,
        kindId: kind.id,
        kindName: kind.name,
        level: org.kind === 'district' ? '区级' : '部门',
        title: `${org.name}${meetingTitles[i % meetingTitles.length]}（第${Math.floor(i / organisers.length) + 1}次）`,
        minutes: y.minutes(i),
        video: kind.id === 'video',
        targetOrgIds: streets.filter((_, k) => (i + k) % 3 === 0).map((s) => s.id),
      });
    }
    for (let i = 0; i < y.documents; i++) {
      const onDate = dateOf(y.year, i, y.documents);
      const kinds = policyAt(onDate).section.meetings.documentKinds;
      const kind = kinds[i % kinds.length]!;
      const org = organisers[i % organisers.length]!;
      entries.push({
        ...blank,
        register: 'document',
        orgId: org.id,
        orgPath: org.path,
        orgName: org.name,
        year: y.year,
        onDate,
        kindId: kind.id,
        kindName: kind.name,
        title: `关于做好${y.year}年度第${i + 1}项重点工作的通知`,
        docNumber: `丰${kind.id === 'department' ? '部' : '委'}〔${y.year}〕${i + 1}号`,
      });
    }
    const perUnit = new Map<string, number>();
    for (let i = 0; i < y.inspections; i++) {
      const onDate = dateOf(y.year, i, y.inspections);
      const s = policyAt(onDate).section.inspections;
      const kind = s.kinds[i % s.kinds.length]!;
      const org = departments[i % departments.length]!;
      const target = streets[i % streets.length]!;
      const key = `${org.id}:${target.id}`;
      const fromOrganiser = perUnit.get(key) ?? 0;
      perUnit.set(key, fromOrganiser + 1);
      const overPlan =
        (s.yearlyMax !== null && i >= s.yearlyMax) ||
        (s.perOrganiserPerUnitMax !== null && fromOrganiser >= s.perOrganiserPerUnitMax);
      const veto = i % 10 === 3 && s.veto !== null;
      entries.push({
        ...blank,
        register: 'inspection',
        orgId: org.id,
        orgPath: org.path,
        orgName: org.name,
        year: y.year,
        onDate,
        kindId: kind.id,
        kindName: kind.name,
        title: `${y.year}年度${org.name}${kind.name}（${target.name}）`,
        targetOrgIds: [target.id],
        veto,
        overPlanRef: overPlan ? `丰委统〔${y.year}〕${i + 1}号` : null,
        overPlanOn: overPlan ? `${y.year}-01-05` : null,
        vetoRef: veto ? `闽委〔${y.year}〕${i + 1}号` : null,
        vetoOn: veto ? `${y.year}-01-03` : null,
        explanation: overPlan ? `超出计划，已登记${s.overPlanApprovalBy.name}` : `年度计划内第 ${i + 1} 项`,
      });
    }
  }

  // the first street's overtime over the last three months: 40 cadres, 2 to 92 times (mean about 16)
  const street = streets[0]!;
  const { rows: cadres } = await ctx.client.query<{
    id: string;
    org_id: string;
    org_path: string;
    org_name: string;
  }>(
    `SELECT c.id, c.org_id, c.org_path::text AS org_path, o.name AS org_name
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE c.org_path <@ $1::ltree ORDER BY c.name, c.id LIMIT 40`,
    [street.path],
  );
  const reasons = ['防汛值守', '疫情防控', '信访维稳', '迎检材料准备', '项目征迁'];
  cadres.forEach((c, i) => {
    const times = i === 0 ? 92 : 2 + ((i * 7) % 25);
    const fromOn = addMonths(today, -2);
    entries.push({
      ...blank,
      register: 'overtime',
      kindId: null,
      kindName: null,
      orgId: c.org_id,
      orgPath: c.org_path,
      orgName: c.org_name,
      year: Number(fromOn.slice(0, 4)),
      onDate: fromOn,
      endDate: today,
      title: reasons[i % reasons.length]!,
      cadreId: c.id,
      times,
      hours: times * 3,
    });
  });
  await repo.insertEntries(ctx.client, entries, createdBy);
}
