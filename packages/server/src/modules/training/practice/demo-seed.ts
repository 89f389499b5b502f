import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `training/practice/` (issue 15); filled in by the part that owns it. */
export async function seedDemoPractice(_ctx: DemoSeedContext): Promise<void> {}
