import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `indicators/` (issue 14); filled in by the part that owns it. */
export async function seedDemoIndicators(_ctx: DemoSeedContext): Promise<void> {}
