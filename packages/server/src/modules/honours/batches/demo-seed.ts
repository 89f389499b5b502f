import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `honours/batches/` (issue 15); filled in by the part that owns it. */
export async function seedDemoBatches(_ctx: DemoSeedContext): Promise<void> {}
