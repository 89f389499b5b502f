import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `training/programmes/` (issue 15); filled in by the part that owns it. */
export async function seedDemoProgrammes(_ctx: DemoSeedContext): Promise<void> {}
