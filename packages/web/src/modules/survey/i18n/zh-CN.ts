import { needsZhCN } from '../needs/i18n.zh-CN.ts';

/** Simplified Chinese texts of the survey module (loaded with its pages). */
export const zhCN = {
  survey: {
    needs: needsZhCN,
  },
};
