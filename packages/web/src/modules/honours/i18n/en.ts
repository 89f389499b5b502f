import { batchesEn } from '../batches/i18n.en.ts';
import { boardEn } from '../board/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the honours module. */
export const en: typeof zhCN = {
  honours: {
    batches: batchesEn,
    board: boardEn,
  },
};
