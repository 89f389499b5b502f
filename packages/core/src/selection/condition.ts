import { z } from 'zod';
import { CADRE_CATEGORIES, ROLE_KINDS } from '../cadre/model.ts';
import { ORG_KINDS } from '../org/org-kinds.ts';

/**
 * A condition over a cadre (who is counted): the building blocks of structure indicators (结构指标) — the
 * roster's fields, the facts derived from the appointment history, the current post, and membership of a
 * pool (后备干部 / 年轻干部库). Every clause present must hold (AND); an empty condition holds for every
 * active cadre in scope. Ages and pool membership are judged on the indicator's date (`asOf`).
 */

export const POOL_KINDS = [
  'reserve', // 后备干部
  'young', // 年轻干部库
] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/** Tags an org unit may carry (单位标签), read by conditions: `professional` 专业部门 (Wenzhou). */
export const ORG_TAGS = ['professional'] as const;

/** a pool's level as the policy names it: 副处级, 正科级, 村(社区)两委 … */
export const PoolLevelSchema = z.string().min(1).max(30);

export const CadreConditionSchema = z.strictObject({
  /** kind of the cadre's current unit (the unit the record sits in) */
  orgKinds: z.array(z.enum(ORG_KINDS)).min(1).optional(),
  /** the cadre's unit carries every one of these unit tags (`professional`: 专业部门) */
  orgTags: z
    .array(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/))
    .min(1)
    .max(5)
    .optional(),
  categories: z.array(z.enum(CADRE_CATEGORIES)).min(1).optional(),
  /** 职级 as written (正科级, 副处级 …), any of them */
  ranks: z.array(z.string().min(1).max(30)).min(1).max(20).optional(),
  gender: z.enum(['male', 'female']).optional(),
  /** completed years on the indicator's date: ageMax 34 is "under 35" (35岁以下) */
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
  /** 全日制学历, any of them */
  educations: z.array(z.string().min(1).max(30)).min(1).max(10).optional(),
  politicalStatuses: z.array(z.string().min(1).max(30)).min(1).max(10).optional(),
  /** has every one of these tags */
  tags: z.array(z.string().min(1).max(20)).min(1).max(10).optional(),
  /** 专业型干部 */
  professionalType: z.boolean().optional(),
  /** derived from the appointment history: has served in a street or township */
  streetOrTownship: z.boolean().optional(),
  /** has held a leadership post in a street */
  streetLeadership: z.boolean().optional(),
  /** has been party secretary of a township (or street) 乡镇(街道)党(工)委书记 */
  townshipSecretary: z.boolean().optional(),
  grassrootsYearsMin: z.number().min(0).max(60).optional(),
  /** the current post's 职务类别 (the open appointment latest started), any of them */
  currentRoleKinds: z.array(z.enum(ROLE_KINDS)).min(1).optional(),
  /** the current post is a leadership post (领导职务) */
  currentLeadership: z.boolean().optional(),
  /** an active member of the pool on the date; `levels` narrows to those levels */
  pool: z
    .strictObject({
      kind: z.enum(POOL_KINDS),
      levels: z.array(PoolLevelSchema).min(1).max(10).optional(),
    })
    .optional(),
  /**
   * has a practice posting (实战历练, issue 15) started on or before the date — of one of `kinds` (the pack's
   * `training.practiceKinds` ids) and, with `withinYears`, started within that many years before it
   */
  practice: z
    .strictObject({
      kinds: z
        .array(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/))
        .min(1)
        .max(10)
        .optional(),
      withinYears: z.number().int().min(1).max(30).optional(),
    })
    .optional(),
});
export type CadreCondition = z.infer<typeof CadreConditionSchema>;
