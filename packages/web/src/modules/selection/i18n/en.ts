import { afterEn } from '../after/i18n.en.ts';
import { indicatorsEn } from '../indicators/i18n.en.ts';
import { poolsEn } from '../pools/i18n.en.ts';
import { processEn } from '../process/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the selection module. */
export const en: typeof zhCN = {
  selection: {
    indicators: indicatorsEn,
    process: processEn,
    pools: poolsEn,
    after: afterEn,
  },
};
