import type { CadreCondition } from '../selection/condition.ts';
import { conditionText } from '../selection/condition-match.ts';

/**
 * 体检 (R-CARE-1): who is due a check in a year under the pack's plans (`care.healthChecks`). A plan of one
 * check every `everyMonths` months makes a cadre of its population due in a year unless they were already
 * checked under it in the years the interval still covers: every 12 months or less → due every year; every
 * 24 months → due unless checked the year before; every 36 → unless checked in either of the two years
 * before. Done: checked under the plan in the year itself.
 */
export interface HealthPlanRef {
  id: string;
  name: string;
  population: CadreCondition;
  everyMonths: number;
}

/** How many calendar years one check covers (1 for a yearly plan or a more frequent one). */
export function healthYearsCovered(everyMonths: number): number {
  return Math.max(1, Math.ceil(everyMonths / 12));
}

/** Due in `year`: in the population, and no check under the plan in the years before that it still covers. */
export function healthDueIn(
  plan: Pick<HealthPlanRef, 'everyMonths'>,
  inPopulation: boolean,
  checkedYears: readonly number[],
  year: number,
): boolean {
  if (!inPopulation) return false;
  const covered = healthYearsCovered(plan.everyMonths);
  return !checkedYears.some((y) => y < year && y > year - covered);
}

/** The plan in words: `村（社区）干部健康查体（所在单位为村或社区，每12个月一次）`. */
export function healthPlanText(plan: HealthPlanRef): string {
  return `${plan.name}（${conditionText(plan.population)}，每${plan.everyMonths}个月一次）`;
}

/** What the coverage figures count, naming the pack and each plan. */
export function healthCoverageExplanation(packName: string, plans: readonly HealthPlanRef[], year: number) {
  if (plans.length === 0) return `${packName}未规定体检计划，${year}年无应体检人员`;
  // a person due under several plans counts once, and as done only when every one of them is checked
  const several = plans.length > 1;
  return (
    `应体检：按${packName}的体检计划 ${plans.map(healthPlanText).join('；')}，${year}年应体检的在职干部` +
    `（${several ? '同时属于几个计划的只计一人；' : ''}间隔超过一年的计划，上一次体检仍在间隔内的不计）；` +
    `已体检：其中${several ? `所属各计划${year}年内均已登记体检` : `${year}年内已登记体检`}的人数。` +
    `只登记是否体检、日期和是否需要复查，不保存体检结果`
  );
}

/** 心理支持 topics a cadre picks from (the text is theirs; only the officer and the cadre read it). */
export const SUPPORT_CATEGORIES = ['work_stress', 'family', 'health', 'relationships', 'other'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];
export const SUPPORT_CATEGORY_TEXT: Record<SupportCategory, string> = {
  work_stress: '工作压力',
  family: '家庭困难',
  health: '身心健康',
  relationships: '人际关系',
  other: '其他',
};
