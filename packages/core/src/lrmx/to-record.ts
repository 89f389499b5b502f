import type { Education, FamilyMember } from '../cadre/model.ts';
import type { CadrePersonalField, CadreRecord } from '../cadre/record.ts';
import { ethnicityName, genderLabel, parseGender } from './codes.ts';
import { formatLrmxDate, parseLrmxDate } from './dates.ts';
import { emptyLrmxPerson, LRMX_TEXT_ELEMENTS, type LrmxPerson, type LrmxTextElement } from './person.ts';

/** The record fields a 任免审批表 fills (everything but orgId and what the form has no box for). */
export type LrmxRecordFields = Pick<
  CadreRecord,
  | CadrePersonalField
  | 'professionalTitle'
  | 'specialty'
  | 'fullTimeEducation'
  | 'inServiceEducation'
  | 'postTitle'
  | 'rewardsAndPunishments'
  | 'annualAssessment'
  | 'idNumber'
  | 'family'
  | 'extras'
>;
export type LrmxRecordDraft = Partial<LrmxRecordFields>;

/** Elements with no record column: kept verbatim in `extras` under their element names. */
const EXTRAS_ONLY = [
  'NiRenZhiWu',
  'NiMianZhiWu',
  'RenMianLiYou',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'JianLi',
  'Version',
] as const satisfies readonly LrmxTextElement[];

/** The record keeps at most this many family members (CadreRecordInputSchema). */
const MAX_FAMILY = 20;

type EducationPrefix = 'QuanRiZhiJiaoYu' | 'ZaiZhiJiaoYu';

/** extras key for a family member's 出生日期 that is no date (1-based position in the draft's family). */
export const familyBirthExtraKey = (position: number) => `JiaTingChengYuan[${position}].ChuShengRiQi`;
const FAMILY_EXTRA_KEY = /^JiaTingChengYuan\[\d+\]\./;

/**
 * Maps a read 任免审批表 onto our record fields. Nothing is lost: text without a column, dates that are no
 * dates and unknown elements go to `extras` under their element names, each questionable value with a
 * warning, so that `recordToLrmx` can write every element back.
 */
export function lrmxToRecordDraft(person: LrmxPerson): { draft: LrmxRecordDraft; warnings: string[] } {
  const warnings: string[] = [];
  const extras = new Map<string, string>();
  const draft: LrmxRecordDraft = {};

  if (person.XingMing !== '') draft.name = person.XingMing;
  else warnings.push('缺少姓名');

  const gender = parseGender(person.XingBie);
  if (gender !== null) draft.gender = gender;
  else keepRaw('XingBie', person.XingBie, '性别');

  const birth = parseLrmxDate(person.ChuShengNianYue);
  if (birth !== null) draft.birthDate = birth;
  else keepRaw('ChuShengNianYue', person.ChuShengNianYue, '出生年月');

  draft.ethnicity = ethnicityName(person.MinZu);
  draft.nativePlace = person.JiGuan;
  draft.birthPlace = person.ChuShengDi;
  draft.politicalStatus = person.ZhengZhiMianMao;
  draft.partyJoinDate = parseLrmxDate(person.RuDangShiJian);
  if (draft.partyJoinDate !== null && draft.politicalStatus === '') {
    draft.politicalStatus = '中共党员';
    warnings.push('政治面貌为空，已按入党时间填为“中共党员”，请核对');
  } else if (draft.partyJoinDate === null && person.RuDangShiJian !== '') {
    extras.set('RuDangShiJian', person.RuDangShiJian);
    if (!/\d/.test(person.RuDangShiJian) && draft.politicalStatus === '') {
      draft.politicalStatus = person.RuDangShiJian;
      warnings.push(`入党时间栏填的是“${person.RuDangShiJian}”，已作为政治面貌`);
    } else {
      warnings.push(`入党时间“${person.RuDangShiJian}”无法识别为日期，原文已保留`);
    }
  }
  draft.workStartDate = parseLrmxDate(person.CanJiaGongZuoShiJian);
  if (draft.workStartDate === null)
    keepRaw('CanJiaGongZuoShiJian', person.CanJiaGongZuoShiJian, '参加工作时间', false);

  draft.health = person.JianKangZhuangKuang;
  draft.professionalTitle = person.ZhuanYeJiShuZhiWu;
  draft.specialty = person.ShuXiZhuanYeYouHeZhuanChang;
  draft.fullTimeEducation = readEducation(person, 'QuanRiZhiJiaoYu', extras);
  draft.inServiceEducation = readEducation(person, 'ZaiZhiJiaoYu', extras);
  draft.postTitle = person.XianRenZhiWu;
  draft.rewardsAndPunishments = person.JiangChengQingKuang;
  draft.annualAssessment = person.NianDuKaoHeJieGuo;
  draft.idNumber = person.ShenFenZheng === '' ? null : person.ShenFenZheng;

  draft.family = [];
  for (const m of person.family) {
    if (Object.values(m).every((v) => v === '')) continue; // padding rows of the printed form
    const position = draft.family.length + 1;
    const birthDate = parseLrmxDate(m.ChuShengRiQi);
    if (birthDate === null && m.ChuShengRiQi !== '') {
      extras.set(familyBirthExtraKey(position), m.ChuShengRiQi);
      warnings.push(`家庭成员第 ${position} 项的出生日期“${m.ChuShengRiQi}”无法识别，原文已保留`);
    }
    if (m.ChengWei === '' || m.XingMing === '') warnings.push(`家庭成员第 ${position} 项缺少称谓或姓名`);
    draft.family.push({
      relation: m.ChengWei,
      name: m.XingMing,
      birthDate,
      politicalStatus: m.ZhengZhiMianMao,
      workUnitAndPost: m.GongZuoDanWeiJiZhiWu,
    });
  }

  if (draft.family.length > MAX_FAMILY)
    warnings.push(`家庭成员有 ${draft.family.length} 人，干部信息最多登记 ${MAX_FAMILY} 人`);
  for (const key of EXTRAS_ONLY) if (person[key] !== '') extras.set(key, person[key]);
  for (const [key, value] of Object.entries(person.unknown)) {
    if (extras.has(key)) warnings.push(`未知元素 <${key}> 与已保留的字段同名，未保留`);
    else extras.set(key, value);
  }
  draft.extras = Object.fromEntries(extras);
  return { draft, warnings };

  function keepRaw(key: LrmxTextElement, raw: string, label: string, required = true): void {
    if (raw === '') {
      if (required) warnings.push(`缺少${label}`);
      return;
    }
    extras.set(key, raw);
    warnings.push(`${label}“${raw}”无法识别，原文已保留`);
  }
}

/**
 * Writes our record fields back as a 任免审批表: dates as yyyyMM (yyyyMMdd for a day), each element from its
 * column, or when the column is empty from `extras` under the element name; other extras become elements.
 */
export function recordToLrmx(record: LrmxRecordDraft, photo: Uint8Array | null = null): LrmxPerson {
  const extras = record.extras ?? {};
  const extra = (key: string): string | undefined => (Object.hasOwn(extras, key) ? extras[key] : undefined);
  const text = (value: string | undefined, key: LrmxTextElement) => (value ? value : (extra(key) ?? ''));
  const date = (value: string | null | undefined, key: LrmxTextElement) =>
    value ? formatLrmxDate(value) : (extra(key) ?? '');

  const p = emptyLrmxPerson();
  p.XingMing = text(record.name, 'XingMing');
  p.XingBie = record.gender ? genderLabel(record.gender) : (extra('XingBie') ?? '');
  p.ChuShengNianYue = date(record.birthDate, 'ChuShengNianYue');
  p.MinZu = text(record.ethnicity, 'MinZu');
  p.JiGuan = text(record.nativePlace, 'JiGuan');
  p.ChuShengDi = text(record.birthPlace, 'ChuShengDi');
  p.RuDangShiJian = date(record.partyJoinDate, 'RuDangShiJian');
  p.CanJiaGongZuoShiJian = date(record.workStartDate, 'CanJiaGongZuoShiJian');
  p.JianKangZhuangKuang = text(record.health, 'JianKangZhuangKuang');
  p.ZhuanYeJiShuZhiWu = text(record.professionalTitle, 'ZhuanYeJiShuZhiWu');
  p.ShuXiZhuanYeYouHeZhuanChang = text(record.specialty, 'ShuXiZhuanYeYouHeZhuanChang');
  writeEducation(p, 'QuanRiZhiJiaoYu', record.fullTimeEducation, extra);
  writeEducation(p, 'ZaiZhiJiaoYu', record.inServiceEducation, extra);
  p.XianRenZhiWu = text(record.postTitle, 'XianRenZhiWu');
  p.JiangChengQingKuang = text(record.rewardsAndPunishments, 'JiangChengQingKuang');
  p.NianDuKaoHeJieGuo = text(record.annualAssessment, 'NianDuKaoHeJieGuo');
  p.ShenFenZheng = text(record.idNumber ?? undefined, 'ShenFenZheng');
  p.ZhengZhiMianMao = text(record.politicalStatus, 'ZhengZhiMianMao');
  for (const key of EXTRAS_ONLY) p[key] = extra(key) ?? '';

  p.family = (record.family ?? []).map((m: FamilyMember, i) => ({
    ChengWei: m.relation,
    XingMing: m.name,
    ChuShengRiQi: m.birthDate ? formatLrmxDate(m.birthDate) : (extra(familyBirthExtraKey(i + 1)) ?? ''),
    ZhengZhiMianMao: m.politicalStatus,
    GongZuoDanWeiJiZhiWu: m.workUnitAndPost,
  }));
  p.photo = photo;

  const known = new Set<string>(LRMX_TEXT_ELEMENTS);
  p.unknown = Object.fromEntries(
    Object.entries(extras).filter(([key]) => !known.has(key) && !FAMILY_EXTRA_KEY.test(key)),
  );
  return p;
}

const schoolOf = (e: Education) => e.school + e.major;

/** What recordToLrmx writes for 学位's 院校系 when extras say nothing: the school, if there is a degree. */
const degreeSchoolOf = (e: Education) => (e.degree === '' ? '' : schoolOf(e));

/**
 * 学历 → education, 学位 → degree, 院校系及专业 → school (one string: it cannot be split reliably).
 * Either 院校 text that writing back would not reproduce is kept in extras.
 */
function readEducation(person: LrmxPerson, prefix: EducationPrefix, extras: Map<string, string>): Education {
  const xueLiSchool = person[`${prefix}_XueLi_BiYeYuanXiaoXi`];
  const xueWeiSchool = person[`${prefix}_XueWei_BiYeYuanXiaoXi`];
  const education: Education = {
    education: person[`${prefix}_XueLi`],
    degree: person[`${prefix}_XueWei`],
    school: xueLiSchool || xueWeiSchool,
    major: '',
  };
  if (schoolOf(education) !== xueLiSchool) extras.set(`${prefix}_XueLi_BiYeYuanXiaoXi`, xueLiSchool);
  if (degreeSchoolOf(education) !== xueWeiSchool) extras.set(`${prefix}_XueWei_BiYeYuanXiaoXi`, xueWeiSchool);
  return education;
}

function writeEducation(
  p: LrmxPerson,
  prefix: EducationPrefix,
  e: Education | undefined,
  extra: (key: string) => string | undefined,
): void {
  const edu = e ?? { education: '', degree: '', school: '', major: '' };
  p[`${prefix}_XueLi`] = edu.education || (extra(`${prefix}_XueLi`) ?? '');
  p[`${prefix}_XueWei`] = edu.degree || (extra(`${prefix}_XueWei`) ?? '');
  p[`${prefix}_XueLi_BiYeYuanXiaoXi`] = extra(`${prefix}_XueLi_BiYeYuanXiaoXi`) ?? schoolOf(edu);
  p[`${prefix}_XueWei_BiYeYuanXiaoXi`] = extra(`${prefix}_XueWei_BiYeYuanXiaoXi`) ?? degreeSchoolOf(edu);
}
