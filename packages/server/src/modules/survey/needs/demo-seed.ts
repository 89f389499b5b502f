import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `survey/needs/` (issue 16); filled in by the part that owns it. */
export async function seedDemoNeeds(_ctx: DemoSeedContext): Promise<void> {}
