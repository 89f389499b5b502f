import fengze from './packs/fengze.json' with { type: 'json' };
import hongdong from './packs/hongdong.json' with { type: 'json' };
import jinan from './packs/jinan.json' with { type: 'json' };
import jinwan from './packs/jinwan.json' with { type: 'json' };
import wenzhou from './packs/wenzhou.json' with { type: 'json' };
import { PackSchema, type Pack } from './pack.ts';

/** The five packs the product ships (every version of each), validated: a broken pack fails at load. */
export const SHIPPED_PACK_IDS = ['fengze', 'wenzhou', 'jinan', 'hongdong', 'jinwan'] as const;

const RAW: unknown[] = [fengze, wenzhou, jinan, ...hongdong, jinwan];

export function shippedPacks(): Pack[] {
  return RAW.map((raw, i) => {
    const parsed = PackSchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(`shipped pack #${i} is invalid: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
    return parsed.data;
  });
}
