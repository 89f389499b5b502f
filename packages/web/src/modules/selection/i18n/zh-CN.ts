import { afterZhCN } from '../after/i18n.zh-CN.ts';
import { indicatorsZhCN } from '../indicators/i18n.zh-CN.ts';
import { poolsZhCN } from '../pools/i18n.zh-CN.ts';
import { processZhCN } from '../process/i18n.zh-CN.ts';

/** Simplified Chinese texts of the selection module (选拔任用与结构; loaded with its pages). */
export const zhCN = {
  selection: {
    indicators: indicatorsZhCN,
    process: processZhCN,
    pools: poolsZhCN,
    after: afterZhCN,
  },
};
