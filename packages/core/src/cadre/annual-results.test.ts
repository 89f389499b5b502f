import { describe, expect, it } from 'vitest';
import { annualAssessmentText, type PublishedAnnualResult } from './annual-results.ts';

const result = (year: number, gradeName: string): PublishedAnnualResult => ({
  year,
  grade: gradeName === '优秀' ? 'excellent' : 'competent',
  gradeName,
  roundId: `r${year}`,
  roundName: `${year}年度鼓楼街道机关工作人员考核`,
});

describe('年度考核结果 with the published annual grades', () => {
  it('adds the published years the written text does not mention, oldest first, as officers write them', () => {
    expect(
      annualAssessmentText('2022年度考核称职；2023年度考核优秀。', [
        result(2025, '称职'),
        result(2024, '优秀'),
      ]),
    ).toBe('2022年度考核称职；2023年度考核优秀；2024年度考核优秀；2025年度考核称职');
  });

  it('keeps what the officer wrote for a year she already recorded', () => {
    expect(annualAssessmentText('2024年度考核优秀（区委嘉奖）', [result(2024, '称职')])).toBe(
      '2024年度考核优秀（区委嘉奖）',
    );
  });

  it('gives the published grades alone when nothing was written, and the written text alone without them', () => {
    expect(annualAssessmentText('', [result(2025, '称职')])).toBe('2025年度考核称职');
    expect(annualAssessmentText('  2021年称职 ', [])).toBe('2021年称职');
    expect(annualAssessmentText('', [])).toBe('');
    expect(annualAssessmentText('2024年度考核优秀。', [])).toBe('2024年度考核优秀。');
  });

  it('takes one grade per year when two published rounds end in it', () => {
    expect(annualAssessmentText('', [result(2025, '称职'), result(2025, '优秀')])).toBe('2025年度考核称职');
  });
});
