import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `pools/` (issue 14); filled in by the part that owns it. */
export async function seedDemoPools(_ctx: DemoSeedContext): Promise<void> {}
