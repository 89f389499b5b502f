import { z } from 'zod';
import { ORG_KINDS } from '../org/org-kinds.ts';

/**
 * A date as officers record it: a month `YYYY-MM` (most cadre dates) or a day `YYYY-MM-DD`.
 * Stored as text: sorts correctly and keeps the precision the source had.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDateSchema>;

export const GENDERS = ['male', 'female'] as const;

/** 人员类别 */
export const CADRE_CATEGORIES = [
  'comprehensive', // 综合管理类
  'law_enforcement', // 行政执法类
  'professional_technical', // 专业技术类
  'public_institution', // 事业
  'village_community', // 村(社区)干部
] as const;

/** Tags kept on a record (后备干部, 年轻干部, 两委成员, 党小组长, 民小组长, 站点管理员 …); free list, these are the known ones. */
export const CADRE_TAGS = [
  'reserve',
  'young',
  'two_committees',
  'party_group_leader',
  'villager_group_leader',
  'station_manager',
  'front_line', // 一线岗位 (weighted up in a reward pool, Jinan)
] as const;

/** 职务类别 in the appointment history, used by derived facts. */
export const ROLE_KINDS = [
  'party_secretary', // 党(工)委书记 / 党组织书记
  'government_head', // 乡镇长 / 街道办事处主任 / 局长
  'team_member', // 班子成员
  'village_principal', // 村(社区)两委主干
  'staff', // 一般工作人员
  'other',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const EducationSchema = z.strictObject({
  /** 学历, e.g. 大学 / 研究生 / 大专 */
  education: z.string().max(30).default(''),
  /** 学位, e.g. 学士 / 硕士 */
  degree: z.string().max(30).default(''),
  /** 毕业院校系 */
  school: z.string().max(100).default(''),
  major: z.string().max(100).default(''),
});
export type Education = z.infer<typeof EducationSchema>;

export const FamilyMemberSchema = z.strictObject({
  relation: z.string().min(1).max(20), // 称谓
  name: z.string().min(1).max(50),
  birthDate: PartialDateSchema.nullable().default(null),
  politicalStatus: z.string().max(30).default(''),
  workUnitAndPost: z.string().max(200).default(''),
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

export const AppointmentSchema = z.strictObject({
  /** 单位 as written; `orgId` links it to the tree when the unit is in this district */
  unitName: z.string().min(1).max(200),
  orgId: z.string().uuid().nullable().default(null),
  /** kind of the unit (street, township, department, village …) for derived facts */
  unitKind: z.enum(ORG_KINDS).nullable().default(null),
  title: z.string().max(200).default(''),
  isLeadership: z.boolean().default(false),
  roleKind: z.enum(ROLE_KINDS).default('staff'),
  /** 职级 held in this post, e.g. 正科级 / 副科级 */
  rank: z.string().max(30).default(''),
  start: PartialDateSchema,
  end: PartialDateSchema.nullable().default(null),
});
export type Appointment = z.infer<typeof AppointmentSchema>;
export type AppointmentInput = z.input<typeof AppointmentSchema>;
