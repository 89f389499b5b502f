import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { createItem } from './service.ts';

/**
 * The demo district's work list (村(社区)工作事务清单): three items the first street's administrator keeps for
 * a community of hers — one delegated with its funding, one bought as a service, one with neither (flagged).
 */
export async function seedDemoWorkList(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const streetAdmin = await demoActor(ctx, 'street1');
  const street = ctx.district.orgs.filter((o) => o.kind === 'street')[0];
  const community = ctx.district.orgs.find((o) => o.kind === 'community' && o.parentKey === street?.key);
  const orgId = community ? ctx.orgIds.get(community.key) : undefined;
  if (!streetAdmin || !orgId) return;
  const year = Number(ctx.now.toISOString().slice(0, 4));
  const at = demoRequestContext(ctx, streetAdmin);
  try {
    await setScope(client, streetAdmin);
    await createItem(at, {
      orgId,
      organiserName: '区民政局',
      year,
      name: '困难群众动态排查与走访',
      basis: '区民政局年度社会救助工作要点',
      modeId: 'delegated',
      amountFen: 1_250_000,
    });
    await createItem(at, {
      orgId,
      organiserName: '区卫生健康局',
      year,
      name: '重点人群健康随访',
      basis: '基本公共卫生服务项目',
      modeId: 'purchased',
      amountFen: 3_000_000,
      contract: 'FZWJ-2026-017',
    });
    await createItem(at, {
      orgId,
      organiserName: '区应急管理局',
      year,
      name: '安全生产隐患排查台账报送',
      basis: '区安委办通知',
    });
  } finally {
    await setSystemScope(client);
  }
}
