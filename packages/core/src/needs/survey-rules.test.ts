import { describe, expect, it } from 'vitest';
import { shippedPack } from '../pay/test-fixtures.ts';
import {
  checkSurveyAnswer,
  mixText,
  overtimeBuckets,
  surveyRulesOf,
  tallySurvey,
  type SurveyAnswer,
} from './survey-rules.ts';

const jinan = shippedPack('jinan', '2026-11-02');
const rules = surveyRulesOf(jinan, false)!;
const withOvertime = surveyRulesOf(jinan, true)!;

/**
 * Twenty answers built to reproduce Jinan's finding (乡科级及以上 value political incentives, 以下 economic).
 * Picks score 3, 2, 1 (jinan needs.pickPoints); kinds: political, economic, spirit, life, growth.
 *  i 0–7   乡科级及以上 [political, growth, life]
 *  i 8–9   乡科级及以上 [economic, political, spirit]
 *  i 10–11 乡科级及以上 [spirit, economic, life]
 *  i 12–16 乡科级以下   [economic, life, political]
 *  i 17–19 乡科级以下   [life, economic, growth]
 * post: village i 12–14 (3), leading i 0–6 (7), staff the other 10;
 * education: postgraduate i 0–1 (2), other (大专及以下) i 16–19 (4), university the other 14.
 */
function answers(): SurveyAnswer[] {
  return Array.from({ length: 20 }, (_, i) => {
    const picks =
      i < 8
        ? ['political', 'growth', 'life']
        : i < 10
          ? ['economic', 'political', 'spirit']
          : i < 12
            ? ['spirit', 'economic', 'life']
            : i < 17
              ? ['economic', 'life', 'political']
              : ['life', 'economic', 'growth'];
    return {
      rank: i < 12 ? 'section_up' : 'below_section',
      post: i >= 12 && i <= 14 ? 'village' : i <= 6 ? 'leading' : 'staff',
      education: i <= 1 ? 'postgraduate' : i >= 16 ? 'other' : 'university',
      picks,
      overtime: null,
    };
  });
}

const expected = {
  rank: { section_up: 15, below_section: 10 },
  post: { village: 4, leading: 8, staff: 13 },
  education: { postgraduate: 3, university: 16, other: 6 },
};

describe('needs survey results (R-NEED-1, Jinan pack: picks 3/2/1 points, groups of at least 5)', () => {
  const tally = tallySurvey(rules, answers(), expected);
  const band = (b: string, id: string) =>
    tally.breakdowns.find((x) => x.id === b)!.bands.find((x) => x.id === id)!;

  it('乡科级及以上 (12 answers, 72 points): political 28 = 38.9%, growth 16 = 22.2% → 以政治激励为主', () => {
    const up = band('rank', 'section_up');
    // political 8×3 + 2×2 = 28; growth 8×2 = 16; life 8×1 + 2×1 = 10; economic 2×3 + 2×2 = 10; spirit 2×1 + 2×3 = 8
    expect(up.answers).toBe(12);
    expect(up.kinds!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['political', 28, 38.9],
      ['economic', 10, 13.9],
      ['spirit', 8, 11.1],
      ['life', 10, 13.9],
      ['growth', 16, 22.2],
    ]);
    expect(up.recommended!.map((k) => k.id)).toEqual(['political', 'growth']);
    expect(up.explanation).toMatch(
      /^乡科级及以上（12人作答）：政治激励 38\.9%、成长发展 22\.2%，建议以政治激励为主、辅以成长发展/,
    );
    // 12 of 15 active cadres of the band
    expect(up.responseRate).toBe(80);
  });

  it('乡科级以下 (8 answers, 48 points): economic 21 = 43.8%, life 19 = 39.6% → 以经济激励为主', () => {
    const below = band('rank', 'below_section');
    // economic 5×3 + 3×2 = 21; life 5×2 + 3×3 = 19; political 5×1 = 5; growth 3×1 = 3
    expect(below.answers).toBe(8);
    expect(below.recommended!.map((k) => [k.name, k.points, k.share])).toEqual([
      ['经济激励', 21, 43.8],
      ['生活关爱', 19, 39.6],
    ]);
    expect(below.explanation).toContain('建议以经济激励为主、辅以生活关爱');
    expect(below.responseRate).toBe(80);
  });

  it('post: 村(社区)干部 has 3 answers (< 5) → suppressed; the next smallest, 领导职务 (7), is suppressed too', () => {
    const post = tally.breakdowns.find((b) => b.id === 'post')!;
    expect(post.bands.map((b) => [b.id, b.suppressed, b.answers])).toEqual([
      ['village', 'small', null],
      ['leading', 'complementary', null],
      ['staff', null, 10],
    ]);
    expect(band('post', 'village').explanation).toContain('不足5人，不显示');
    expect(band('post', 'village').kinds).toBeNull();
    expect(band('post', 'leading').responseRate).toBeNull();
    expect(post.explanation).toContain('领导职务一并不显示，以免由合计推算（互补隐藏）');
    // staff: economic 2×3 + 2×2 + 2×3 + 3×2 = 22 of 60 = 36.7%; life 1 + 2 + 2×2 + 3×3 = 16 = 26.7%
    expect(band('post', 'staff').recommended!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['economic', 22, 36.7],
      ['life', 16, 26.7],
    ]);
  });

  it('education: two bands below 5 (研究生 2, 大专及以下 4) → both suppressed, no complementary one needed', () => {
    const edu = tally.breakdowns.find((b) => b.id === 'education')!;
    expect(edu.bands.map((b) => [b.id, b.suppressed, b.answers])).toEqual([
      ['postgraduate', 'small', null],
      ['university', null, 14],
      ['other', 'small', null],
    ]);
    // university: political 6×3 + 2×2 + 4×1 = 26 of 84 = 31.0%; economic 2×3 + 2×2 + 4×3 = 22 = 26.2%
    expect(band('education', 'university').recommended!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['political', 26, 31],
      ['economic', 22, 26.2],
    ]);
  });

  it('the whole survey: 20 answers of 25 cadres; political 33 of 120 = 27.5%', () => {
    expect(tally.total.answers).toBe(20);
    expect(tally.total.expected).toBe(25);
    expect(tally.total.responseRate).toBe(80);
    expect(tally.total.recommended!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['political', 33, 27.5],
      ['economic', 31, 25.8],
    ]);
    expect(tally.explanation).toContain('共20份答卷，在职干部25人');
  });

  it('fewer than 5 answers in all → even the total is suppressed', () => {
    const small = tallySurvey(rules, answers().slice(0, 4), expected);
    expect(small.total.suppressed).toBe('small');
    expect(small.total.answers).toBeNull();
  });
});

describe('overtime (burden.overtime: bands 5/10/20/40/60 over 3 months)', () => {
  it('buckets, mean to one decimal, max', () => {
    expect(overtimeBuckets([5, 10, 20, 40, 60])).toEqual([
      '0–5次',
      '6–10次',
      '11–20次',
      '21–40次',
      '41–60次',
      '60次以上',
    ]);
    const values = [0, 5, 6, 10, 11, 20, 21, 40, 41, 60, 61, 92];
    const list = answers()
      .slice(0, 12)
      .map((a, i) => ({ ...a, overtime: values[i]! }));
    const tally = tallySurvey(withOvertime, list, expected);
    // sum 367 / 12 = 30.58 → 30.6
    expect(tally.total.overtime).toEqual({ counts: [2, 2, 2, 2, 2, 2], mean: 30.6, max: 92 });
    expect(tally.total.explanation).toContain('近3个月加班平均30.6次、最多92次');
    // all twelve are 乡科级及以上: 乡科级以下 (0) is suppressed, so 乡科级及以上 (= the total) is too
    expect(tally.breakdowns[0]!.bands.map((b) => [b.id, b.suppressed, b.overtime])).toEqual([
      ['section_up', 'complementary', null],
      ['below_section', 'small', null],
    ]);
  });
});

describe('an answer is checked against the questions', () => {
  const ok = { rankBand: 'section_up', postBand: 'staff', educationBand: 'university', picks: ['political'] };
  it('a valid answer has no problems; bad bands, too many or repeated picks, missing overtime do', () => {
    expect(checkSurveyAnswer(rules, ok)).toEqual([]);
    expect(
      checkSurveyAnswer(rules, {
        ...ok,
        rankBand: 'general',
        picks: ['political', 'political', 'economic', 'life'],
      }),
    ).toEqual(['请选择职务级别', '最多选择 3 项激励方式', '同一激励方式只能选一次']);
    expect(checkSurveyAnswer(withOvertime, ok)).toEqual(['请填写近3个月加班次数']);
    expect(checkSurveyAnswer(rules, { ...ok, overtime: 4 })).toEqual(['本次调查不问加班次数']);
  });
  it('mix words', () => {
    expect(mixText([])).toBe('暂无可推荐的激励方式');
  });
});
