import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's pay tables and statistics (skeleton: the tables helper fills it). */
export async function seedDemoPayTables(_ctx: DemoSeedContext): Promise<void> {}
