import { batchesZhCN } from '../batches/i18n.zh-CN.ts';
import { boardZhCN } from '../board/i18n.zh-CN.ts';

/** Simplified Chinese texts of the honours module (loaded with its pages). */
export const zhCN = {
  honours: {
    batches: batchesZhCN,
    board: boardZhCN,
  },
};
