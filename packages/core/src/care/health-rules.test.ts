import { describe, expect, it } from 'vitest';
import {
  healthCoverageExplanation,
  healthDueIn,
  healthPlanText,
  healthYearsCovered,
} from './health-rules.ts';

const jinan = {
  id: 'village_yearly',
  name: '村（社区）干部健康查体',
  population: { orgKinds: ['village', 'community'] as ('village' | 'community')[] },
  everyMonths: 12,
};

describe('health check plans (R-CARE-1)', () => {
  it('a yearly plan makes its population due every year, whatever was done before', () => {
    expect(healthYearsCovered(12)).toBe(1);
    expect(healthYearsCovered(6)).toBe(1);
    expect(healthDueIn(jinan, true, [2025], 2026)).toBe(true);
    expect(healthDueIn(jinan, true, [2026], 2026)).toBe(true);
    expect(healthDueIn(jinan, false, [], 2026)).toBe(false);
  });
  it('a plan every 24 months: not due the year after a check, due the year after that', () => {
    expect(healthYearsCovered(24)).toBe(2);
    expect(healthDueIn({ everyMonths: 24 }, true, [2025], 2026)).toBe(false);
    expect(healthDueIn({ everyMonths: 24 }, true, [2024], 2026)).toBe(true);
    expect(healthYearsCovered(36)).toBe(3);
    expect(healthDueIn({ everyMonths: 36 }, true, [2024], 2026)).toBe(false);
    expect(healthDueIn({ everyMonths: 36 }, true, [2023], 2026)).toBe(true);
  });
  it('explains itself naming the pack and the plan', () => {
    expect(healthPlanText(jinan)).toBe('村（社区）干部健康查体（所在单位为村或社区，每12个月一次）');
    expect(healthCoverageExplanation('济南市政策包', [jinan], 2026)).toContain(
      '按济南市政策包的体检计划 村（社区）干部健康查体（所在单位为村或社区，每12个月一次），2026年应体检',
    );
    expect(healthCoverageExplanation('某包', [], 2026)).toBe('某包未规定体检计划，2026年无应体检人员');
    // two plans: a person counts once, done when every plan they are due under is checked
    const everyone = { id: 'yearly', name: '年度体检', population: {}, everyMonths: 12 };
    expect(healthCoverageExplanation('某包', [everyone, jinan], 2026)).toContain(
      '2026年应体检的在职干部（同时属于几个计划的只计一人；间隔超过一年的计划，上一次体检仍在间隔内的不计）；已体检：其中所属各计划2026年内均已登记体检的人数。',
    );
  });
});
