import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `dashboard/overview/` (issue 16); filled in by the part that owns it. */
export async function seedDemoDashboard(_ctx: DemoSeedContext): Promise<void> {}
