/**
 * One 干部任免审批表 as the national exchange formats carry it: every .lrmx element as text, exactly as
 * read (trimmed), so nothing is interpreted here. Mapping to our record lives in `to-record.ts`.
 */

/** The text elements of <Person>, in the order `writeLrmx` writes them (LRMX.md). */
export const LRMX_TEXT_ELEMENTS = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'RuDangShiJian',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'ZhuanYeJiShuZhiWu',
  'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi',
  'QuanRiZhiJiaoYu_XueWei',
  'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueLi',
  'ZaiZhiJiaoYu_XueWei',
  'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu',
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhengZhiMianMao',
  'Version',
] as const;
export type LrmxTextElement = (typeof LRMX_TEXT_ELEMENTS)[number];

/** Photo and family are written after ShenFenZheng / before ZhengZhiMianMao and at the end respectively. */
export const LRMX_PHOTO_ELEMENT = 'ZhaoPian';
export const LRMX_FAMILY_ELEMENT = 'JiaTingChengYuan';
export const LRMX_FAMILY_ITEM_ELEMENT = 'Item';

/** Children of JiaTingChengYuan/Item, in writing order. */
export const LRMX_FAMILY_ELEMENTS = [
  'ChengWei',
  'XingMing',
  'ChuShengRiQi',
  'ZhengZhiMianMao',
  'GongZuoDanWeiJiZhiWu',
] as const;
export type LrmxFamilyElement = (typeof LRMX_FAMILY_ELEMENTS)[number];

/** 家庭主要成员及重要社会关系: 称谓, 姓名, 出生日期 (yyyyMM), 政治面貌, 工作单位及职务. */
export type LrmxFamilyMember = Record<LrmxFamilyElement, string>;

export type LrmxPerson = Record<LrmxTextElement, string> & {
  family: LrmxFamilyMember[];
  /** ZhaoPian decoded from base64 (normally a JPEG); null when absent. */
  photo: Uint8Array | null;
  /**
   * Elements of <Person> this code does not know, by local name, in document order: text content, or the
   * inner XML of an element with children. Kept so that writing the person back loses nothing.
   */
  unknown: Record<string, string>;
};

export type LrmxErrorCode = 'TOO_LARGE' | 'DTD_OR_ENTITY' | 'NOT_XML' | 'NOT_PERSON' | 'ENCODING';

export type LrmxReadResult =
  { ok: true; person: LrmxPerson; warnings: string[] } | { ok: false; code: LrmxErrorCode; message: string };

/** Largest file accepted by the readers unless told otherwise (5 MB). */
export const LRMX_DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function emptyLrmxPerson(): LrmxPerson {
  const texts = Object.fromEntries(LRMX_TEXT_ELEMENTS.map((k) => [k, ''])) as Record<LrmxTextElement, string>;
  return { ...texts, family: [], photo: null, unknown: {} };
}

export function emptyLrmxFamilyMember(): LrmxFamilyMember {
  return { ChengWei: '', XingMing: '', ChuShengRiQi: '', ZhengZhiMianMao: '', GongZuoDanWeiJiZhiWu: '' };
}
