import { chinaToday } from '@ganbu/core';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { replaceKind, selectRegistryRanks, upsertStatistic, type PayTableKind } from './repository.ts';

/**
 * The demo district's pay tables and statistics. ILLUSTRATIVE amounts, not any district's real salary
 * standards: they are of a plausible size for a county-level district (正科级 annual base ¥120,000, a
 * 村“两委”主干's subsidy ¥24,000 before the raise …) so the pay runs have something to work on.
 *
 * The current year's table holds the amounts below; each earlier year 3 percentage points less (the last
 * two years: 97% and 94%), exact to the fen, so the same every time. The rank table covers the ranks the demo
 * registry's cadres carry (read from the registry; a rank not listed here is left without an amount).
 */

/** annual base of a rank (区直机关同职级年度基数), yuan — illustrative */
const RANK_BASE_YUAN: Record<string, number> = {
  正处级: 180_000,
  副处级: 150_000,
  一级调研员: 160_000,
  二级调研员: 145_000,
  三级调研员: 132_000,
  四级调研员: 124_000,
  正科级: 120_000,
  副科级: 100_000,
  一级主任科员: 110_000,
  二级主任科员: 100_000,
  三级主任科员: 92_000,
  四级主任科员: 86_000,
  一级科员: 72_000,
  二级科员: 66_000,
};

/** 区直机关同等次绩效奖 by grade code, yuan — illustrative (the codes of the five packs' grade scales) */
const BONUS_BASE: { key: string; label: string; yuan: number }[] = [
  { key: 'excellent', label: '优秀', yuan: 30_000 },
  { key: 'good', label: '良好', yuan: 26_000 },
  { key: 'competent', label: '称职', yuan: 24_000 },
  { key: 'fair', label: '一般', yuan: 20_000 },
  { key: 'basic', label: '基本称职', yuan: 16_000 },
  { key: 'poor', label: '较差', yuan: 0 },
  { key: 'incompetent', label: '不称职', yuan: 0 },
];

/** a village role's annual subsidy before the pack's raise, yuan — illustrative (the packs' role ids) */
const VILLAGE_BASE: { key: string; label: string; yuan: number }[] = [
  { key: 'principal', label: '村（社区）“两委”主干', yuan: 24_000 },
  { key: 'member', label: '村（社区）“两委”成员', yuan: 18_000 },
  { key: 'reserve', label: '后备干部', yuan: 9_600 },
  { key: 'station-manager', label: '远程教育站点管理员', yuan: 6_000 },
  { key: 'party-group-leader', label: '党小组长', yuan: 3_600 },
  { key: 'villager-group-leader', label: '民小组长', yuan: 3_600 },
];

/** the percent of the current year's amount a table `yearsBack` years earlier holds */
const PERCENT_PER_YEAR_BACK = 3;

/** 农村居民人均可支配收入 (the Hongdong floor's statistic), fen, by year back from the current year */
const RURAL_INCOME_RECENT_YUAN: { yearsBack: number; yuan: number }[] = [
  { yearsBack: 3, yuan: 21_691 },
  { yearsBack: 2, yuan: 23_119 },
  { yearsBack: 1, yuan: 24_456 },
];

export async function seedDemoPayTables(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const current = Number(chinaToday(ctx.now).slice(0, 4));
  const ranks = await selectRegistryRanks(client);
  for (let back = 2; back >= 0; back--) {
    const year = current - back;
    // yuan × (100 − 3·back)% in fen is yuan × (100 − 3·back) fen: exact integers
    const fen = (yuan: number) => yuan * (100 - PERCENT_PER_YEAR_BACK * back);
    const write = (kind: PayTableKind, rows: { key: string; label: string; yuan: number }[]) =>
      replaceKind(
        client,
        year,
        kind,
        rows.map((r) => ({ key: r.key, label: r.label, amountFen: fen(r.yuan) })),
        null,
      );
    await write(
      'rank-base',
      ranks
        .filter((rank) => RANK_BASE_YUAN[rank] !== undefined)
        .map((rank) => ({ key: rank, label: rank, yuan: RANK_BASE_YUAN[rank] as number })),
    );
    await write('bonus-base', BONUS_BASE);
    await write('village-base', VILLAGE_BASE);
  }
  await upsertStatistic(
    client,
    {
      key: 'rural-income-per-capita',
      year: 2017,
      valueFen: 1_117_800,
      source: '按洪洞县2018年村“两委”主干报酬22356元为两倍标准反推（假设）',
    },
    null,
  );
  for (const s of RURAL_INCOME_RECENT_YUAN)
    await upsertStatistic(
      client,
      {
        key: 'rural-income-per-capita',
        year: current - s.yearsBack,
        valueFen: s.yuan * 100,
        source: '演示数据（示意，非本区实际统计）：数量级参照全国农村居民人均可支配收入',
      },
      null,
    );
}
