import { z } from 'zod';
import { CADRE_CATEGORIES, CADRE_TAGS, ROLE_KINDS } from '../cadre/model.ts';
import { ORG_KINDS } from '../org/org-kinds.ts';

/**
 * Policy-pack section of economic incentives (经济激励, R-PAY-1…5), read by the pay calculators (`pay/`).
 * The pack holds the policy (bands, raises, factors, floors, rules); the amounts it is applied to — the
 * district-department base of a rank (区直机关同职级), the district-department bonus of a grade, a village
 * role's subsidy before the raise — are district data (`pay_tables`), and statistics such as the rural
 * per-capita disposable income are inputs per year (`pay_statistics`).
 *
 * Percentages are written as the policy writes them (`10` for 10%, `14.5` allowed); the calculators turn
 * them into exact fractions, never floats.
 */

const Id = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, '编号只能用小写字母、数字和连字符');
/** a percentage as written (10 = 10%), up to two decimals */
export const PercentSchema = z
  .number()
  .min(0)
  .max(1000)
  .refine((n) => Math.round(n * 100) === n * 100, '百分比最多两位小数');
/** grade code (excellent, competent …) → percent of the amount paid at that grade */
const GradeFactorsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/), PercentSchema);

/** How a computed amount is rounded (a budget split is always to the fen, by largest remainder). */
export const PayRoundingSchema = z.object({
  /** 1: to the fen (分), 10: 角, 100: 元, 1000: 十元 */
  unitFen: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)]),
  /** half-up: 四舍五入; down: 舍去; up: 进位 */
  mode: z.enum(['half-up', 'down', 'up']),
});
export type PayRounding = z.infer<typeof PayRoundingSchema>;

/** Which cadres a scheme pays: those whose current unit is of one of the kinds, less some categories. */
export const PayPopulationSchema = z.object({
  orgKinds: z.array(z.enum(ORG_KINDS)).min(1),
  excludeCategories: z.array(z.enum(CADRE_CATEGORIES)).default([]),
});

/** Where a grade comes from: the published results of rounds of these schemes whose period ends in the year. */
export const GradeSourceSchema = z.object({
  schemeIds: z.array(Id).min(1),
  gradePercents: GradeFactorsSchema,
  /** percent paid when the cadre (or unit) has no published grade in the period */
  missingPercent: PercentSchema,
});

/**
 * 街道干部经济待遇上浮 (Fengze): street cadres get `band.minPercent`–`band.maxPercent` above the
 * district-department base of the same rank, under a total budget (总量控制) spread by the unit's difficulty
 * coefficient and its effectiveness (the unit's assessment grade) — every person inside the band, the parts
 * adding up to the budget to the fen.
 */
export const StreetUpliftSchema = z.object({
  name: z.string().min(1).max(40),
  population: PayPopulationSchema,
  band: z.object({ minPercent: PercentSchema, maxPercent: PercentSchema }),
  /** the budget when a run states none, as a percent of the population's base total; null: a run must state it */
  defaultBudgetPercentOfBase: PercentSchema.nullable(),
  /** a person's spreading weight is (difficulty coefficient)^difficultyPower × the unit grade's percent */
  difficultyPower: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** the unit's grade (工作实效): results of unit-target rounds */
  effectiveness: GradeSourceSchema,
});
export type StreetUplift = z.infer<typeof StreetUpliftSchema>;

/**
 * 绩效奖金 (Fengze): the district-department bonus of the cadre's grade (district data), raised by
 * `upliftPercent` for units of `upliftOrgKinds` (街道 +20%); an ineligible cadre (eligibility engine, purpose
 * `bonus`) gets nothing or a reduced share.
 */
export const PerformanceBonusSchema = z.object({
  name: z.string().min(1).max(40),
  population: PayPopulationSchema,
  /** the cadre's annual-assessment grade: its own published result in rounds of these schemes */
  gradeSchemeIds: z.array(Id).min(1),
  /**
   * a cadre with no published grade is paid `missingGradePercent` of the district-department bonus of the
   * grade `missingGradeAs` (e.g. 称职: what a present, ungraded cadre would normally get)
   */
  missingGradePercent: PercentSchema,
  missingGradeAs: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  upliftOrgKinds: z.array(z.enum(ORG_KINDS)),
  upliftPercent: PercentSchema,
  ineligible: z.discriminatedUnion('effect', [
    z.object({ effect: z.literal('none') }),
    z.object({ effect: z.literal('reduce'), paidPercent: PercentSchema }),
  ]),
});
export type PerformanceBonus = z.infer<typeof PerformanceBonusSchema>;

/** A village/community post paid a subsidy (岗位补贴), matched on the record. */
export const VillageRoleSchema = z.object({
  /** the key of its pre-raise amount in the district's table (`village-base`) */
  id: Id,
  /** 村(社区)“两委”主干, “两委”成员, 后备干部, 党小组长, 民小组长, 远程教育站点管理员 */
  name: z.string().min(1).max(30),
  /** a current appointment of this kind, or this tag on the record */
  match: z.union([z.object({ roleKind: z.enum(ROLE_KINDS) }), z.object({ tag: z.enum(CADRE_TAGS) })]),
  /** 提高补贴标准 (Jinwan 14%–33%): percent added to the district's pre-raise amount */
  raisePercent: PercentSchema,
});

/**
 * 村(社区)干部岗位补贴 (Jinwan, Hongdong): per role, raised by the role's percent, paid at the percent of
 * the cadre's grade (考评结果与补贴挂钩); a village principal's pay at least `floor.multiple` × last year's
 * rural per-capita disposable income (Hongdong).
 */
export const VillageSubsidySchema = z.object({
  name: z.string().min(1).max(40),
  population: PayPopulationSchema,
  roles: z.array(VillageRoleSchema).min(1).max(20),
  /** a person holding several roles: every role's subsidy added (`sum`), or only the highest (`highest`) */
  combine: z.enum(['sum', 'highest']),
  /** 考评结果与补贴挂钩: the grade the subsidy is paid at; null: the pack links no grade */
  grade: GradeSourceSchema.nullable(),
  floor: z
    .object({
      /** the role the floor protects */
      roleId: Id,
      /** the statistic (district input per year), e.g. rural-income-per-capita */
      statistic: Id,
      /** the statistic of the period's year minus this many years (上年度: 1) */
      yearsBack: z.number().int().min(0).max(5),
      multiple: PercentSchema,
    })
    .nullable(),
});
export type VillageSubsidy = z.infer<typeof VillageSubsidySchema>;

/**
 * 工资奖励池 / 平时考核奖 (Jinan): a pool split by regular-assessment scores, front-line posts weighted up,
 * never an equal split (不搞普惠): the highest share must be at least `minSpreadRatio` × the lowest.
 */
export const RewardPoolSchema = z.object({
  name: z.string().min(1).max(40),
  population: PayPopulationSchema,
  /**
   * the cadre's score: the mean total of their published results in rounds of these schemes in the period;
   * a cadre without a score gets no share (and is listed with the reason)
   */
  scoreSchemeIds: z.array(Id).min(1),
  /** weights of posts (the first that matches); a post matching none weighs 100 */
  postWeights: z
    .array(
      z.object({
        /** 一线岗位 …: a tag on the record or the kind of the cadre's unit */
        match: z.union([z.object({ tag: z.enum(CADRE_TAGS) }), z.object({ orgKind: z.enum(ORG_KINDS) })]),
        name: z.string().min(1).max(30),
        weightPercent: PercentSchema,
      }),
    )
    .max(10),
  /** the smallest ratio highest ÷ lowest amount the rule accepts (1.2 = 20% spread); null: no rule */
  minSpreadRatio: z.number().min(1).max(100).nullable(),
  /** the pool when a run states none; null: a run must state it */
  defaultPoolFen: z.number().int().min(0).nullable(),
});
export type RewardPool = z.infer<typeof RewardPoolSchema>;

export const PAY_KINDS = ['street-uplift', 'performance-bonus', 'village-subsidy', 'reward-pool'] as const;
export type PayKind = (typeof PAY_KINDS)[number];

export const PaySectionSchema = z
  .object({
    rounding: PayRoundingSchema,
    streetUplift: StreetUpliftSchema.optional(),
    performanceBonus: PerformanceBonusSchema.optional(),
    villageSubsidy: VillageSubsidySchema.optional(),
    rewardPool: RewardPoolSchema.optional(),
  })
  .superRefine((pay, ctx) => {
    const band = pay.streetUplift?.band;
    if (band && band.minPercent > band.maxPercent)
      ctx.addIssue({ code: 'custom', path: ['streetUplift', 'band'], message: '上浮比例下限高于上限' });
    const v = pay.villageSubsidy;
    if (v) {
      const ids = v.roles.map((r) => r.id);
      v.roles.forEach((r, i) => {
        if (ids.indexOf(r.id) !== i)
          ctx.addIssue({
            code: 'custom',
            path: ['villageSubsidy', 'roles', i, 'id'],
            message: `岗位 ${r.id} 重复`,
          });
      });
      if (v.floor && !ids.includes(v.floor.roleId))
        ctx.addIssue({
          code: 'custom',
          path: ['villageSubsidy', 'floor', 'roleId'],
          message: `保底所指岗位 ${v.floor.roleId} 不在岗位表中`,
        });
    }
  });
export type PaySection = z.infer<typeof PaySectionSchema>;

/** The section key of each run kind. */
export const PAY_SECTION_KEY = {
  'street-uplift': 'streetUplift',
  'performance-bonus': 'performanceBonus',
  'village-subsidy': 'villageSubsidy',
  'reward-pool': 'rewardPool',
} as const satisfies Record<PayKind, keyof PaySection>;
