import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `burden/worklist/` (issue 16); filled in by the part that owns it. */
export async function seedDemoWorkList(_ctx: DemoSeedContext): Promise<void> {}
