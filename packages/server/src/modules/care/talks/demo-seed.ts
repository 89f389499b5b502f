import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `care/talks/` (issue 15); filled in by the part that owns it. */
export async function seedDemoTalks(_ctx: DemoSeedContext): Promise<void> {}
