import type { DemoSeedContext } from '../../demo/context.ts';
import { seedDemoPayTables } from './tables/demo-seed.ts';

/** The demo district's pay: its tables and statistics first, then the runs built on them. */
export async function seedDemoPay(ctx: DemoSeedContext): Promise<void> {
  await seedDemoPayTables(ctx);
}
