import type { Pack } from '../policy/pack.ts';
import type { PayInputs, PayResult } from './model.ts';

/**
 * Compute a pay run: the pack's section for the run's kind applied to the frozen inputs. Throws
 * `PayRuleError` for a refusal of the rules (nothing is stored then). Pure: the same pack and inputs give
 * the same result to the fen. (skeleton: the core helper fills it)
 */
export function computePay(_pack: Pick<Pack, 'pay' | 'sources'>, _inputs: PayInputs): PayResult {
  throw new Error('computePay: not built yet');
}
