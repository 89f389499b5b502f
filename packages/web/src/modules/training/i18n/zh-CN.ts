import { complianceZhCN } from '../compliance/i18n.zh-CN.ts';
import { mineZhCN } from '../mine/i18n.zh-CN.ts';
import { practiceZhCN } from '../practice/i18n.zh-CN.ts';
import { programmesZhCN } from '../programmes/i18n.zh-CN.ts';
import { stationsZhCN } from '../stations/i18n.zh-CN.ts';

/** Simplified Chinese texts of the training module (loaded with its pages). */
export const zhCN = {
  training: {
    programmes: programmesZhCN,
    compliance: complianceZhCN,
    mine: mineZhCN,
    stations: stationsZhCN,
    practice: practiceZhCN,
  },
};
