import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `burden/registers/` (issue 16); filled in by the part that owns it. */
export async function seedDemoRegisters(_ctx: DemoSeedContext): Promise<void> {}
