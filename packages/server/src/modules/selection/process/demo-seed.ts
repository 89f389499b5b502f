import type { DemoSeedContext } from '../../../demo/context.ts';

/** The demo district's part of `process/` (issue 14); filled in by the part that owns it. */
export async function seedDemoProcesses(_ctx: DemoSeedContext): Promise<void> {}
