import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `after/` (issue 14); filled in by the part that owns it. */
export async function seedDemoAfter(_ctx: DemoSeedContext): Promise<void> {}
