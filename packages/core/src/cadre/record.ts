import { z } from 'zod';
import {
  AppointmentSchema,
  CADRE_CATEGORIES,
  EducationSchema,
  FamilyMemberSchema,
  GENDERS,
  PartialDateSchema,
} from './model.ts';

/**
 * The full cadre record (R-ORG-2) as the API and imports take it. Sensitive fields (ID number, phone,
 * family) are encrypted at rest by the server. Cross-field rules (ID number vs birth date and gender,
 * party date after the 18th birthday, no future dates) live in `validateCadreRecord`.
 */
export const CadreRecordInputSchema = z.strictObject({
  orgId: z.string().uuid(),
  /**
   * 编制所在单位: the unit whose establishment the cadre occupies, when it is not the working unit (a department
   * cadre on a street's establishment). null: the same as the working unit. Any unit of the district; it grants
   * no access (scope follows `orgId`).
   */
  establishmentOrgId: z.string().uuid().nullable().default(null),
  // a person's name as written (汉字, 少数民族 names with ·, letters); markup and control characters refused
  name: z
    .string()
    .trim()
    .min(1)
    .max(50)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
    .regex(/^[^<>&"\\/{}[\]\u0000-\u001f]*$/u, '姓名不能包含 < > & " / \\ { } [ ] 等符号或控制字符'),
  gender: z.enum(GENDERS),
  birthDate: PartialDateSchema,
  ethnicity: z.string().max(20).default(''), // 民族
  nativePlace: z.string().max(50).default(''), // 籍贯
  birthPlace: z.string().max(50).default(''), // 出生地
  politicalStatus: z.string().max(30).default(''), // 政治面貌
  partyJoinDate: PartialDateSchema.nullable().default(null), // 入党时间
  workStartDate: PartialDateSchema.nullable().default(null), // 参加工作时间
  health: z.string().max(50).default(''), // 健康状况 (sensitive)
  fullTimeEducation: EducationSchema.default({ education: '', degree: '', school: '', major: '' }),
  inServiceEducation: EducationSchema.default({ education: '', degree: '', school: '', major: '' }),
  idNumber: z.string().max(18).nullable().default(null), // 身份证号 (sensitive)
  phone: z.string().max(20).nullable().default(null), // sensitive
  category: z.enum(CADRE_CATEGORIES).nullable().default(null), // 人员类别
  rank: z.string().max(30).default(''), // 职级
  professionalType: z.boolean().default(false), // 专业型干部
  professionalTitle: z.string().max(50).default(''), // 专业技术职务
  specialty: z.string().max(200).default(''), // 熟悉专业有何专长
  postTitle: z.string().max(200).default(''), // 现任职务
  rewardsAndPunishments: z.string().max(4000).default(''), // 奖惩情况
  annualAssessment: z.string().max(1000).default(''), // 年度考核结果
  tags: z.array(z.string().max(20)).max(20).default([]),
  family: z.array(FamilyMemberSchema).max(20).default([]),
  appointments: z.array(AppointmentSchema).max(60).default([]),
  /** fields from imported files that the registry has no column for (kept, never dropped) */
  extras: z.record(z.string(), z.string()).default({}),
});
export type CadreRecordInput = z.input<typeof CadreRecordInputSchema>;
export type CadreRecord = z.output<typeof CadreRecordInputSchema>;

/** The personal fields at the head of every cadre form (任免审批表 and the import template), in form order. */
export type CadrePersonalField =
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'ethnicity'
  | 'nativePlace'
  | 'birthPlace'
  | 'politicalStatus'
  | 'partyJoinDate'
  | 'workStartDate'
  | 'health';
