/**
 * Chinese personal names for demo data.
 *
 * Surnames are weighted by approximate share of the population (basis points,
 * after the Ministry of Public Security's household-registration statistics).
 * Given names depend on gender and birth cohort, so a cadre born in 1965
 * reads like 建国 / 秀英 and one born in 1998 like 浩然 / 欣怡.
 */
import type { Prng } from './prng.ts';

export type Gender = 'male' | 'female';

/** [surname, weight in basis points]. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 710],
  ['李', 700],
  ['张', 640],
  ['刘', 540],
  ['陈', 460],
  ['杨', 310],
  ['黄', 250],
  ['赵', 240],
  ['吴', 210],
  ['周', 210],
  ['徐', 170],
  ['孙', 150],
  ['马', 150],
  ['朱', 130],
  ['胡', 130],
  ['郭', 120],
  ['何', 120],
  ['高', 110],
  ['林', 110],
  ['罗', 100],
  ['郑', 96],
  ['梁', 90],
  ['谢', 80],
  ['宋', 72],
  ['唐', 70],
  ['许', 66],
  ['韩', 65],
  ['冯', 63],
  ['邓', 62],
  ['曹', 60],
  ['彭', 58],
  ['曾', 56],
  ['肖', 55],
  ['田', 53],
  ['董', 52],
  ['袁', 50],
  ['潘', 49],
  ['于', 48],
  ['蒋', 47],
  ['蔡', 46],
  ['余', 45],
  ['杜', 44],
  ['叶', 43],
  ['程', 42],
  ['苏', 41],
  ['魏', 40],
  ['吕', 39],
  ['丁', 38],
  ['任', 37],
  ['沈', 36],
  ['姚', 35],
  ['卢', 34],
  ['姜', 33],
  ['崔', 32],
  ['钟', 31],
  ['谭', 30],
  ['陆', 29],
  ['汪', 28],
  ['范', 27],
  ['金', 26],
  ['石', 26],
  ['廖', 25],
  ['贾', 25],
  ['夏', 24],
  ['韦', 24],
  ['付', 23],
  ['方', 23],
  ['白', 22],
  ['邹', 22],
  ['孟', 21],
  ['熊', 21],
  ['秦', 20],
  ['邱', 20],
  ['江', 19],
  ['尹', 19],
  ['薛', 18],
  ['闫', 18],
  ['段', 17],
  ['雷', 17],
  ['侯', 16],
  ['龙', 16],
  ['史', 16],
  ['陶', 15],
  ['黎', 15],
  ['贺', 15],
  ['顾', 14],
  ['毛', 14],
  ['郝', 13],
  ['龚', 13],
  ['邵', 13],
  ['万', 12],
  ['钱', 12],
  ['严', 12],
  ['覃', 11],
  ['武', 11],
  ['戴', 11],
  ['莫', 10],
  ['孔', 10],
  ['向', 10],
  ['汤', 10],
  ['常', 10],
  ['温', 9],
  ['康', 9],
  ['施', 8],
  ['文', 8],
  ['牛', 8],
  ['樊', 8],
  ['葛', 8],
  ['邢', 7],
  ['安', 7],
  ['齐', 7],
  ['易', 7],
  ['乔', 7],
  ['伍', 7],
  ['庞', 6],
  ['颜', 6],
  ['倪', 6],
  ['庄', 6],
  ['聂', 6],
  ['章', 6],
  ['鲁', 5],
  ['岳', 5],
  ['翟', 5],
  ['殷', 5],
  ['詹', 5],
  ['申', 5],
  ['欧阳', 4],
  ['耿', 4],
  ['关', 4],
  ['兰', 4],
  ['焦', 4],
  ['俞', 4],
  ['左', 4],
  ['柳', 4],
  ['甘', 4],
  ['祝', 3],
  ['包', 3],
  ['宁', 3],
  ['尚', 3],
  ['符', 3],
  ['舒', 3],
  ['阮', 3],
  ['柯', 3],
  ['纪', 3],
  ['梅', 3],
  ['童', 3],
  ['凌', 3],
  ['毕', 3],
  ['上官', 1],
  ['司马', 1],
];

/** Birth cohorts whose naming fashions differ noticeably. */
export type Cohort = 'older' | 'middle' | 'younger';

export function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1976) return 'older';
  if (birthYear < 1990) return 'middle';
  return 'younger';
}

interface GivenNameSource {
  /** Characters used as a one-character given name. */
  single: string;
  /** First and second characters combined into two-character given names. */
  first: string;
  second: string;
  /** Complete two-character given names typical of each cohort. */
  whole: Readonly<Record<Cohort, string>>;
  /** Characters that date a name: avoided for the younger cohort. */
  dated: string;
  /** Characters that became fashionable late: avoided for the older cohort. */
  modern: string;
}

const SOURCES: Readonly<Record<Gender, GivenNameSource>> = {
  male: {
    single:
      '伟强军磊勇杰涛斌超明刚平辉鹏华飞波鑫宇浩俊峰林海亮东健兵龙成凯帅阳晨博江山振宏新春永德忠荣庆祥胜昌光坤毅锋彬立晖炜威豪卫松柏宁剑昊睿航哲轩皓帆逸',
    first: '建志国永海晓文俊宏振明立学德春新家金世光成子天思嘉浩宇泽博',
    second: '华明军伟强平涛斌峰林东杰鹏辉成龙波亮刚勇超飞阳凯民生清荣忠良锋彬松宁翔新豪航远轩',
    whole: {
      older:
        '建国 建军 建华 国庆 卫东 卫国 红兵 志强 志刚 建平 国强 德明 永红 海军 向东 跃进 振华 爱国 立新 学军 建设 新民 国华 永生 德胜 庆丰',
      middle:
        '晓东 海涛 俊杰 志勇 文杰 小龙 建伟 鹏飞 春雷 晓峰 海波 志伟 永强 国栋 文斌 明亮 晓明 宏伟 俊峰 建林 海峰 志明 云飞 家明',
      younger:
        '子豪 浩然 宇航 子轩 浩宇 宇轩 一鸣 博文 思远 天宇 泽宇 晨阳 嘉豪 鑫磊 家豪 志豪 俊熙 明轩 子墨 皓轩 嘉伟 宇哲 浩天 梓豪',
    },
    dated: '建国德忠荣庆祥胜昌光生民良平华军清世金卫兵江山柏红',
    modern: '轩豪航泽子嘉思博远睿昊哲皓帆逸晨鑫宇浩',
  },
  female: {
    single: '芳娜敏静丽艳娟霞燕玲婷雪慧颖琳晶洁红梅莉兰萍琴英秀凤倩欣悦璐瑶佳怡雯琪蕾萌丹妍薇婕蓉娇楠彤',
    first: '晓丽秀玉海春美雅思嘉欣佳梦慧文彩淑桂雪红艳婉雨月诗心',
    second: '丽红霞燕琳婷娟芳敏静洁颖萍梅玲倩雪悦怡琪薇妍蕾璐娜华兰英琴云艳',
    whole: {
      older:
        '秀英 桂英 秀兰 玉兰 桂兰 凤英 秀珍 淑珍 红梅 丽华 春梅 玉梅 翠兰 美华 桂芳 金凤 海燕 丽萍 玉珍 素芳 爱华 桂香 秀芳 淑华',
      middle:
        '丽娟 晓燕 海燕 晓丽 春燕 丽娜 晓静 文静 雪梅 海霞 艳红 丽君 晓红 彩霞 婷婷 丽萍 晓梅 红艳 燕妮 静怡 晓琳 丽丽 玉婷 晓霞',
      younger:
        '欣怡 思雨 雨涵 梦瑶 佳怡 诗琪 子涵 雅琪 婉婷 梓涵 欣然 可欣 雨萱 佳琪 晓彤 心怡 思琪 雨欣 佳欣 梦琪 诗雨 若曦 一诺 语嫣',
    },
    dated: '秀玉淑桂红艳兰英琴华梅萍霞凤芳娟彩春美丽海',
    modern: '欣怡诗梦雨悦琪薇妍蕾璐雯萌婕楠佳心婉雅思嘉彤瑶',
  },
};

interface GivenNamePool {
  single: readonly string[];
  first: readonly string[];
  second: readonly string[];
  whole: readonly string[];
}

const COHORTS: readonly Cohort[] = ['older', 'middle', 'younger'];

function buildPool(src: GivenNameSource, cohort: Cohort): GivenNamePool {
  const banned = cohort === 'younger' ? src.dated : cohort === 'older' ? src.modern : '';
  const chars = (text: string) => Array.from(text).filter((ch) => !banned.includes(ch));
  return {
    single: chars(src.single),
    first: chars(src.first),
    second: chars(src.second),
    whole: src.whole[cohort].split(' '),
  };
}

/** Given-name pools per gender and birth cohort. */
export const GIVEN_NAME_POOLS: Readonly<Record<Gender, Readonly<Record<Cohort, GivenNamePool>>>> = {
  male: Object.fromEntries(COHORTS.map((c) => [c, buildPool(SOURCES.male, c)])) as Record<
    Cohort,
    GivenNamePool
  >,
  female: Object.fromEntries(COHORTS.map((c) => [c, buildPool(SOURCES.female, c)])) as Record<
    Cohort,
    GivenNamePool
  >,
};

/** Share of one-character given names per cohort (they were most common in the 1980s). */
const SINGLE_SHARE: Readonly<Record<Cohort, number>> = { older: 0.25, middle: 0.32, younger: 0.12 };

export function pickSurname(rng: Prng): string {
  return rng.weighted(SURNAMES);
}

export function makeGivenName(rng: Prng, gender: Gender, cohort: Cohort, singleOnly = false): string {
  const pool = GIVEN_NAME_POOLS[gender][cohort];
  if (singleOnly || rng.chance(SINGLE_SHARE[cohort])) return rng.pick(pool.single);
  if (rng.chance(0.6)) return rng.pick(pool.whole);
  const first = rng.pick(pool.first);
  let second = rng.pick(pool.second);
  for (let i = 0; i < 8 && second === first; i++) second = rng.pick(pool.second);
  return second === first ? first : first + second;
}

/**
 * A full name of two or three characters. Compound surnames (欧阳, 上官 …)
 * always take a one-character given name so the total stays at three.
 * `birthYear` (default 1980) selects the cohort's naming fashion.
 */
export function makeChineseName(rng: Prng, gender: Gender, birthYear = 1980): string {
  const surname = pickSurname(rng);
  return surname + makeGivenName(rng, gender, cohortOf(birthYear), surname.length > 1);
}
