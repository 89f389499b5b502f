import { aidZhCN } from '../aid/i18n.zh-CN.ts';
import { coverageZhCN } from '../coverage/i18n.zh-CN.ts';
import { healthZhCN } from '../health/i18n.zh-CN.ts';
import { leaveZhCN } from '../leave/i18n.zh-CN.ts';
import { mineZhCN } from '../mine/i18n.zh-CN.ts';
import { talksZhCN } from '../talks/i18n.zh-CN.ts';

/** Simplified Chinese texts of the care module (loaded with its pages). */
export const zhCN = {
  care: {
    health: healthZhCN,
    coverage: coverageZhCN,
    leave: leaveZhCN,
    aid: aidZhCN,
    talks: talksZhCN,
    mine: mineZhCN,
  },
};
