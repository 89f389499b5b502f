import type { CadreRecord } from '../cadre/record.ts';

/** Gender as written (男/女, GB/T 2261.1 codes 1/2, English) → our enum; null when unrecognised. */
export function parseGender(raw: string): CadreRecord['gender'] | null {
  const s = raw.trim().toLowerCase();
  if (['男', '男性', '1', 'm', 'male'].includes(s)) return 'male';
  if (['女', '女性', '2', 'f', 'female'].includes(s)) return 'female';
  return null;
}

export const genderLabel = (g: CadreRecord['gender']): string => (g === 'male' ? '男' : '女');

/** GB/T 3304 民族 codes 01–56, in code order. */
const ETHNICITIES = (
  '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 ' +
  '佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 ' +
  '锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 ' +
  '赫哲族 门巴族 珞巴族 基诺族'
).split(' ');

/** 民族 as written, with a GB/T 3304 numeric code (`01`, `1`) turned into its name. */
export function ethnicityName(raw: string): string {
  if (!/^\d{1,2}$/.test(raw)) return raw;
  return ETHNICITIES[Number(raw) - 1] ?? raw;
}
