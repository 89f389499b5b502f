import { decodeStrict } from './encoding.ts';
import {
  emptyLrmxFamilyMember,
  emptyLrmxPerson,
  LRMX_DEFAULT_MAX_BYTES,
  LRMX_FAMILY_ELEMENTS,
  type LrmxPerson,
  type LrmxReadResult,
  type LrmxTextElement,
} from './person.ts';
import { readLrmx, type ReadLrmxOptions } from './read-lrmx.ts';

/** .lrm field positions (0-based, after splitting on `","`) of the plain text elements (LRMX.md). */
const TEXT_FIELDS: [number, LrmxTextElement][] = [
  [0, 'XingMing'],
  [1, 'XingBie'],
  [2, 'ChuShengNianYue'],
  [3, 'MinZu'],
  [4, 'JiGuan'],
  [5, 'RuDangShiJian'],
  [6, 'JianKangZhuangKuang'],
  [7, 'ChuShengDi'],
  [8, 'CanJiaGongZuoShiJian'],
  [11, 'ZhuanYeJiShuZhiWu'],
  [16, 'ShuXiZhuanYeYouHeZhuanChang'],
  [17, 'JianLi'],
  [18, 'JiangChengQingKuang'],
  [19, 'NianDuKaoHeJieGuo'],
  [25, 'XianRenZhiWu'],
  [26, 'NiRenZhiWu'],
  [27, 'NiMianZhiWu'],
  [28, 'RenMianLiYou'],
  [29, 'ChengBaoDanWei'],
  [30, 'JiSuanNianLingShiJian'],
  [31, 'TianBiaoRen'],
  [32, 'TianBiaoShiJian'],
];
/** Hostile-input bounds: the format has 33 fields and a printed form 6 family rows. */
const MAX_FIELDS = 100;
const MAX_FAMILY = 50;
const EDUCATION_FIELD = 9;
const SCHOOL_FIELD = 10;
const FAMILY_FIRST_FIELD = 20;
/** Fields whose meaning is not documented (12–15, past 32): kept in `unknown` as `LrmField<n>`. */
const KNOWN_FIELDS = new Set<number>([
  ...TEXT_FIELDS.map(([i]) => i),
  EDUCATION_FIELD,
  SCHOOL_FIELD,
  ...LRMX_FAMILY_ELEMENTS.map((_, i) => FAMILY_FIRST_FIELD + i),
]);

/**
 * Reads a 干部任免审批表 .lrm (2.0): GB2312/GBK text (UTF-8 accepted when it decodes cleanly) of quoted
 * fields separated by `","`, with the photo from the sibling .pic file. Missing trailing fields read as
 * empty. A .lrmx handed in by mistake is read as such.
 */
export function readLrm(bytes: Uint8Array, pic?: Uint8Array, opts: ReadLrmxOptions = {}): LrmxReadResult {
  const maxBytes = opts.maxBytes ?? LRMX_DEFAULT_MAX_BYTES;
  if (bytes.byteLength + (pic?.byteLength ?? 0) > maxBytes) {
    return { ok: false, code: 'TOO_LARGE', message: '文件过大，任免审批表文件（含照片）不能超过上限' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const warnings: string[] = [];
  const decoded = decodeStrict('utf-8', body) ?? decodeStrict('gbk', body) ?? decodeStrict('gb18030', body);
  if (decoded === null) {
    return { ok: false, code: 'ENCODING', message: '文件的文字编码无法识别（应为 GB2312/GBK），无法读取' };
  }
  const text = decoded.replace(/\r\n?/g, '\n').trim();
  if (text.startsWith('<')) {
    const asXml = readLrmx(bytes, opts);
    if (asXml.ok) asXml.warnings.unshift('文件是 .lrmx（XML）格式，已按 .lrmx 读取');
    return asXml;
  }
  if (!text.startsWith('"') || !text.includes('","')) {
    return {
      ok: false,
      code: 'NOT_PERSON',
      message: '不是任免审批表 2.0（.lrm）文件：内容不是以“,”分隔的带引号字段',
    };
  }

  const fields = text
    .replace(/^"/, '')
    .replace(/"$/, '')
    .split('","', MAX_FIELDS + 1);
  if (fields.length > MAX_FIELDS) {
    fields.length = MAX_FIELDS;
    warnings.push(`文件的字段超过 ${MAX_FIELDS} 个，之后的内容未读取`);
  }
  const at = (i: number) => (fields[i] ?? '').trim();
  const person = emptyLrmxPerson();
  for (const [i, key] of TEXT_FIELDS) person[key] = at(i);
  readEducation(person, at(EDUCATION_FIELD), at(SCHOOL_FIELD));
  person.family = readFamily(LRMX_FAMILY_ELEMENTS.map((_, i) => at(FAMILY_FIRST_FIELD + i)));
  person.unknown = Object.fromEntries(
    fields.flatMap((value, i) =>
      KNOWN_FIELDS.has(i) || value.trim() === '' ? [] : [[`LrmField${i}`, value.trim()]],
    ),
  );
  if (fields.length < 33) warnings.push(`文件只有 ${fields.length} 个字段（应为 33 个），缺少的按空白读取`);
  if (person.XingMing === '') warnings.push('文件中没有姓名');

  if (pic !== undefined && pic.byteLength > 0) {
    person.photo = Uint8Array.from(pic);
    if (!(pic[0] === 0xff && pic[1] === 0xd8)) warnings.push('照片文件（.pic）不是 JPEG 格式，请核对');
  }
  return { ok: true, person, warnings };
}

/** `全日制学历#学位@在职学历#学位`, and the schools in the same shape. */
function readEducation(person: LrmxPerson, education: string, schools: string): void {
  const split = (s: string) => s.split('@').map((half) => half.split('#').map((v) => v.trim()));
  const [ft = [], is = []] = split(education);
  const [ftSchool = [], isSchool = []] = split(schools);
  person.QuanRiZhiJiaoYu_XueLi = ft[0] ?? '';
  person.QuanRiZhiJiaoYu_XueWei = ft[1] ?? '';
  person.ZaiZhiJiaoYu_XueLi = is[0] ?? '';
  person.ZaiZhiJiaoYu_XueWei = is[1] ?? '';
  person.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi = ftSchool[0] ?? '';
  person.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi = ftSchool[1] ?? '';
  person.ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi = isSchool[0] ?? '';
  person.ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi = isSchool[1] ?? '';
}

/** Five columns (称谓, 姓名, 出生日期, 政治面貌, 工作单位及职务), each `@`-separated over the members. */
function readFamily(columns: string[]): LrmxPerson['family'] {
  const cells = columns.map((c) => c.split('@').map((v) => v.trim()));
  const count = Math.min(MAX_FAMILY, Math.max(...cells.map((c) => c.length)));
  const members: LrmxPerson['family'] = [];
  for (let row = 0; row < count; row++) {
    const member = emptyLrmxFamilyMember();
    LRMX_FAMILY_ELEMENTS.forEach((key, col) => (member[key] = cells[col]?.[row] ?? ''));
    members.push(member);
  }
  while (members.length > 0 && Object.values(members.at(-1) ?? {}).every((v) => v === '')) members.pop();
  return members;
}
