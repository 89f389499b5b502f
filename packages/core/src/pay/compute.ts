import type { Pack } from '../policy/pack.ts';
import { PAY_SECTION_KEY, type PayKind, type PaySection } from '../policy/pay-section.ts';
import type { Sources } from './common.ts';
import { PayRuleError, type PayInputs, type PayResult } from './model.ts';
import { performanceBonus } from './performance-bonus.ts';
import { rewardPool } from './reward-pool.ts';
import { streetUplift } from './street-uplift.ts';
import { villageSubsidy } from './village-subsidy.ts';

type Calculator = (pay: PaySection, inputs: PayInputs, sources: Sources) => PayResult;

const CALCULATORS: Record<PayKind, Calculator> = {
  'street-uplift': streetUplift,
  'performance-bonus': performanceBonus,
  'village-subsidy': villageSubsidy,
  'reward-pool': rewardPool,
};

/**
 * Compute a pay run: the pack's section for the run's kind applied to the frozen inputs. Throws
 * `PayRuleError` for a refusal of the rules (nothing is stored then). Pure: the same pack and inputs give
 * the same result to the fen, whatever the order of `inputs.people`.
 */
export function computePay(pack: Pick<Pack, 'pay' | 'sources'>, inputs: PayInputs): PayResult {
  const key = PAY_SECTION_KEY[inputs.kind];
  if (!pack.pay || !pack.pay[key])
    throw new PayRuleError('PAY_KIND_NOT_IN_PACK', `政策包没有“${KIND_NAMES[inputs.kind]}”的规定`, {
      kind: inputs.kind,
    });
  return CALCULATORS[inputs.kind](pack.pay, inputs, pack.sources);
}

const KIND_NAMES: Record<PayKind, string> = {
  'street-uplift': '街道干部经济待遇上浮',
  'performance-bonus': '绩效奖金',
  'village-subsidy': '村（社区）干部岗位补贴',
  'reward-pool': '工资奖励池',
};
