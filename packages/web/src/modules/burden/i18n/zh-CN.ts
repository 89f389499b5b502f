import { staffingZhCN } from '../staffing/i18n.zh-CN.ts';
import { worklistZhCN } from '../worklist/i18n.zh-CN.ts';
import { registersZhCN } from '../registers/i18n.zh-CN.ts';

/** Simplified Chinese texts of the burden module (loaded with its pages). */
export const zhCN = {
  burden: {
    staffing: staffingZhCN,
    worklist: worklistZhCN,
    registers: registersZhCN,
  },
};
