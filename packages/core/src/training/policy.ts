import { z } from 'zod';
import { CadreConditionSchema } from '../selection/condition.ts';

/**
 * Training (教育培训, R-TRN-1…4): the kinds of programme, how hours convert to days, the requirements each
 * cadre must meet in a year (Fengze: street cadres ≥ 12 days and a special programme; Hongdong: township
 * cadres trained every 3 months) with the day warnings start, what the organisers must hold in a year
 * (Hongdong: 6 大讲堂 + 8 专题培训班), the remote-education stations' assessment, and the kinds of practice
 * posting (实战历练).
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
/** a day of the year, `MM-DD` */
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 MM-DD');

export const ProgrammeKindSchema = z.strictObject({
  id: Id,
  /** 专题培训班 / 调训 / 党校培训 / 远程教育 / 流动党课 / 干部大讲堂 */
  name: z.string().min(1).max(20),
});

/** A yearly requirement on each cadre of a population. */
export const TrainingRequirementSchema = z.discriminatedUnion('measure', [
  /** at least `min` training days in the calendar year (hours converted with `hoursPerDay`) */
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(40),
    measure: z.literal('days'),
    population: CadreConditionSchema,
    min: z.number().min(0).max(365),
    /** only these programme kinds count (empty: every kind) */
    programmeKinds: z.array(Id).max(20),
    /** shortfall warnings go out from this day of the year on */
    warnFrom: MonthDay,
  }),
  /** attended at least `min` programmes of the kinds in the calendar year */
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(40),
    measure: z.literal('programmes'),
    population: CadreConditionSchema,
    min: z.number().int().min(1).max(100),
    programmeKinds: z.array(Id).max(20),
    warnFrom: MonthDay,
  }),
  /** trained at least once in every period of `periodMonths` months (quarters from 1 January for 3) */
  z.strictObject({
    id: Id,
    name: z.string().min(1).max(40),
    measure: z.literal('everyPeriod'),
    population: CadreConditionSchema,
    periodMonths: z.number().int().min(1).max(12),
    programmeKinds: z.array(Id).max(20),
    /** a warning goes out this many days before a period ends without training */
    warnDaysBefore: z.number().int().min(0).max(90),
  }),
]);
export type TrainingRequirement = z.infer<typeof TrainingRequirementSchema>;

/** What the organisers hold in a year (办班计划): programmes of a kind, between min and max. */
export const HoldingPlanSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).max(40),
  programmeKind: Id,
  min: z.number().int().min(0).max(500),
  max: z.number().int().min(0).max(500).nullable(),
});

export const PracticeKindSchema = z.strictObject({
  id: Id,
  /** 攻坚一线 / 重点工程 / 巡察 / 涉稳涉访 */
  name: z.string().min(1).max(20),
  /** months a posting usually lasts (the default end date) */
  defaultMonths: z.number().int().min(1).max(60),
});

export const TrainingSectionSchema = z.strictObject({
  programmeKinds: z.array(ProgrammeKindSchema).min(1).max(20),
  /** a programme counted in hours (学时) becomes days at this rate */
  hoursPerDay: z.number().min(1).max(24),
  requirements: z.array(TrainingRequirementSchema).max(20),
  holdingPlans: z.array(HoldingPlanSchema).max(20),
  /** remote-education stations (党员远程教育站点): the assessment scheme (targets: station units) and the count planned */
  stations: z
    .strictObject({
      schemeId: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
      planned: z.number().int().min(0).max(10000),
    })
    .nullable(),
  practiceKinds: z.array(PracticeKindSchema).max(20),
});
export type TrainingSection = z.infer<typeof TrainingSectionSchema>;

/** The section's references: unique ids, programme kinds named by requirements and plans, the station scheme. */
export function checkTraining(
  section: TrainingSection,
  schemes: readonly { id: string; targetKind?: string }[],
  ctx: z.RefinementCtx,
): void {
  const kinds = section.programmeKinds.map((k) => k.id);
  kinds.forEach((id, i) => {
    if (kinds.indexOf(id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['training', 'programmeKinds', i, 'id'],
        message: `培训类别编号 ${id} 重复`,
      });
  });
  const reqIds = section.requirements.map((r) => r.id);
  section.requirements.forEach((r, i) => {
    if (reqIds.indexOf(r.id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['training', 'requirements', i, 'id'],
        message: `培训要求编号 ${r.id} 重复`,
      });
    r.programmeKinds.forEach((k, j) => {
      if (!kinds.includes(k))
        ctx.addIssue({
          code: 'custom',
          path: ['training', 'requirements', i, 'programmeKinds', j],
          message: `没有培训类别 ${k}`,
        });
    });
  });
  section.holdingPlans.forEach((p, i) => {
    if (!kinds.includes(p.programmeKind))
      ctx.addIssue({
        code: 'custom',
        path: ['training', 'holdingPlans', i, 'programmeKind'],
        message: `没有培训类别 ${p.programmeKind}`,
      });
    if (p.max !== null && p.max < p.min)
      ctx.addIssue({
        code: 'custom',
        path: ['training', 'holdingPlans', i, 'max'],
        message: '上限不能小于下限',
      });
  });
  const schemeId = section.stations?.schemeId;
  if (schemeId && !schemes.some((s) => s.id === schemeId && s.targetKind === 'unit'))
    ctx.addIssue({
      code: 'custom',
      path: ['training', 'stations', 'schemeId'],
      message: `没有以单位为对象的考核方案 ${schemeId}`,
    });
}
