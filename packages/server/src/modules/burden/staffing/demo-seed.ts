import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `burden/staffing/` (issue 16); filled in by the part that owns it. */
export async function seedDemoStaffing(_ctx: DemoSeedContext): Promise<void> {}
