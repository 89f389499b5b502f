import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 精准激励 (R-NEED-1/2). The demo district's pack (fengze) carries the needs section borrowed from Jinan:
// kinds political, economic, spirit, life, growth; up to 3 picks scoring 3, 2, 1; groups of at least 5
// shown; the top 2 kinds recommended; the overtime question over 3 months with bands 5/10/20/40/60. The
// test clock reads 2026-11-02.
let t: TestApp;
let orgdept: Session;
let otherOrgdept: Session;
let streetId: string;
let surveyId: string;
let codes: string[];

type Json = Record<string, unknown>;
const as = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

/**
 * Twenty answers that reproduce Jinan's findings (as core's survey-rules test):
 *  i 0–7 乡科级及以上 [political, growth, life]; i 8–9 [economic, political, spirit]; i 10–11 [spirit,
 *  economic, life]; i 12–16 乡科级以下 [economic, life, political]; i 17–19 [life, economic, growth].
 *  post: village i 12–14 (3), leading i 0–6 (7), staff the other 10;
 *  education: postgraduate i 0–1 (2), other i 16–19 (4), university the other 14.
 *  overtime (3 months): 92, 30, 25, 20, 18, 15, 12, 10×4, 8×7, 7×2 — sum 322, mean 16.1, max 92 (Jinan: 16.1, 92).
 */
const OVERTIME = [92, 30, 25, 20, 18, 15, 12, 10, 10, 10, 10, 8, 8, 8, 8, 8, 8, 8, 7, 7];
function answer(i: number) {
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
    rankBand: i < 12 ? 'section_up' : 'below_section',
    postBand: i >= 12 && i <= 14 ? 'village' : i <= 6 ? 'leading' : 'staff',
    educationBand: i <= 1 ? 'postgraduate' : i >= 16 ? 'other' : 'university',
    picks,
    overtime: OVERTIME[i]!,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const other = await newOrg(t.db);
  streetId = street.id;
  // the population: 15 副科级 with 大学本科, 10 科员 with 大专 (25 active cadres)
  for (let i = 0; i < 25; i++)
    await newCadre(t.db, {
      orgId: street.id,
      rank: i < 15 ? '副科级' : '科员',
      fullTimeEducation: { education: i < 15 ? '大学本科' : '大专', degree: '', school: '', major: '' },
    });
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  otherOrgdept = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

describe('a needs survey with a group below the minimum size suppressed (R-NEED-1)', () => {
  it('opens under the pack in force; a closing day before the opening day is refused', async () => {
    expectError(
      await as(orgdept, 'POST', '/api/surveys', {
        title: '错误日期',
        orgId: streetId,
        opensOn: '2026-11-10',
        closesOn: '2026-11-01',
      }),
      400,
      'SURVEY_DATES',
    );
    const res = await as(orgdept, 'POST', '/api/surveys', {
      title: '2026年干部激励需求调查',
      orgId: streetId,
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      withOvertime: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<Json & { id: string }>();
    surveyId = s.id;
    expect(s).toMatchObject({ state: 'open', population: 25, answers: 0, withOvertime: true });
  });

  it('issues one code per active cadre of the unit (25) and no more', async () => {
    const res = await as(orgdept, 'POST', `/api/surveys/${surveyId}/codes`, { orgId: streetId });
    expect(res.statusCode, res.body).toBe(200);
    codes = res.json<{ codes: string[] }>().codes;
    expect(codes).toHaveLength(25);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expectError(
      await as(orgdept, 'POST', `/api/surveys/${surveyId}/codes`, { orgId: streetId, count: 1 }),
      400,
      'SURVEY_CODE_LIMIT',
    );
    // only keyed hashes are stored
    const { rows } = await t.db.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM needs_survey_codes WHERE survey_id = $1 AND token_hash = ANY($2)`,
      [surveyId, codes.map((c) => c.replace(/-/g, ''))],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('results before close are refused', async () => {
    expectError(await as(orgdept, 'GET', `/api/surveys/${surveyId}/results`), 409, 'SURVEY_NOT_CLOSED');
  });

  it('the public form shows the pack’s bands and kinds; twenty respondents answer through it', async () => {
    const form = await as(null, 'GET', `/api/ballot/${codes[0]}/survey`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({
      title: '2026年干部激励需求调查',
      picksPerAnswer: 3,
      overtimeMonths: 3,
      bands: {
        rank: [
          { id: 'section_up', name: '乡科级及以上' },
          { id: 'below_section', name: '乡科级以下' },
        ],
      },
    });
    for (let i = 0; i < 20; i++) {
      const res = await as(null, 'POST', `/api/ballot/${codes[i]}/survey`, answer(i));
      expect(res.statusCode, res.body).toBe(200);
    }
    const s = (await as(orgdept, 'GET', `/api/surveys/${surveyId}`)).json<Json>();
    expect(s).toMatchObject({ answers: 20, codes: { issued: 5, used: 20, revoked: 0 } });
  });

  it('a code used twice is refused; a bad answer is refused and changes nothing; a revoked code is invalid', async () => {
    expectError(await as(null, 'POST', `/api/ballot/${codes[0]}/survey`, answer(0)), 409, 'SURVEY_CODE_USED');
    expectError(await as(null, 'GET', `/api/ballot/${codes[0]}/survey`), 409, 'SURVEY_CODE_USED');
    const bad = await as(null, 'POST', `/api/ballot/${codes[20]}/survey`, {
      ...answer(0),
      picks: ['political', 'economic', 'spirit', 'life'],
      overtime: null,
    });
    expectError(bad, 400, 'SURVEY_ANSWER_INVALID');
    expect(bad.json<{ details: { problems: string[] } }>().details.problems).toEqual([
      '最多选择 3 项激励方式',
      '请填写近3个月加班次数',
    ]);
    const revoked = await as(orgdept, 'POST', `/api/surveys/${surveyId}/codes/revoke`, { code: codes[21]! });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ answers: 20, codes: { issued: 4, used: 20, revoked: 1 } });
    expectError(
      await as(null, 'POST', `/api/ballot/${codes[21]}/survey`, answer(0)),
      404,
      'SURVEY_CODE_INVALID',
    );
    expectError(
      await as(orgdept, 'POST', `/api/surveys/${surveyId}/codes/revoke`, { code: codes[1]! }),
      409,
      'SURVEY_CODE_USED',
    );
    // an assessment-shaped (12-character) code is not a survey code
    expectError(await as(null, 'GET', `/api/ballot/ABCD-EFGH-JKMN/survey`), 404, 'SURVEY_CODE_INVALID');
  });

  it('another street’s 组织部 sees nothing of it', async () => {
    expectError(await as(otherOrgdept, 'GET', `/api/surveys/${surveyId}`), 404, 'NOT_FOUND');
    expectError(await as(otherOrgdept, 'POST', `/api/surveys/${surveyId}/close`), 404, 'NOT_FOUND');
    const list = (await as(otherOrgdept, 'GET', '/api/surveys')).json<{ items: { id: string }[] }>();
    expect(list.items.map((s) => s.id)).not.toContain(surveyId);
  });

  it('closing settles the pool: fresh ids, one xmin, nothing pending; an answer after close is refused', async () => {
    const before = await t.db.admin.query<{ x: string }>(
      `SELECT DISTINCT xmin::text AS x FROM needs_answers_pending WHERE survey_id = $1`,
      [surveyId],
    );
    // while open, each pooled answer shares its code row's transaction (why the pool is settled at close)
    expect(before.rows).toHaveLength(20);
    const res = await as(orgdept, 'POST', `/api/surveys/${surveyId}/close`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', closedOn: '2026-11-02', answers: 20 });
    const after = await t.db.admin.query<{ xs: number; n: number; pending: number; linked: number }>(
      `SELECT count(DISTINCT a.xmin::text)::int AS xs, count(*)::int AS n,
              (SELECT count(*)::int FROM needs_answers_pending p WHERE p.survey_id = $1) AS pending,
              (SELECT count(*)::int FROM needs_survey_codes k JOIN needs_answers x ON x.survey_id = k.survey_id
                WHERE k.survey_id = $1 AND k.xmin::text = x.xmin::text) AS linked
         FROM needs_answers a WHERE a.survey_id = $1`,
      [surveyId],
    );
    expect(after.rows[0]).toEqual({ xs: 1, n: 20, pending: 0, linked: 0 });
    const cols = await t.db.admin.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'needs_answers' ORDER BY 1`,
    );
    expect(cols.rows.map((r) => r.c)).toEqual([
      'education_band',
      'id',
      'overtime',
      'picks',
      'post_band',
      'rank_band',
      'survey_id',
    ]);
    expectError(await as(null, 'POST', `/api/ballot/${codes[22]}/survey`, answer(0)), 409, 'SURVEY_NOT_OPEN');
    expectError(await as(orgdept, 'POST', `/api/surveys/${surveyId}/close`), 409, 'SURVEY_CLOSED');
  });

  it('results: Jinan’s finding (乡科级及以上 → 政治激励, 以下 → 经济激励), 村(社区)干部 (3) suppressed with 领导职务 (7) as its complement', async () => {
    const res = await as(orgdept, 'GET', `/api/surveys/${surveyId}/results`);
    expect(res.statusCode, res.body).toBe(200);
    type Band = {
      id: string;
      answers: number | null;
      expected: number;
      responseRate: number | null;
      suppressed: string | null;
      recommended: { id: string; points: number; share: number }[] | null;
      overtime: { counts: number[]; mean: number; max: number } | null;
      explanation: string;
    };
    const r = res.json<{ total: Band; breakdowns: { id: string; bands: Band[]; explanation: string }[] }>();
    const bands = (id: string) => r.breakdowns.find((b) => b.id === id)!.bands;
    const [up, below] = bands('rank');
    // 12 answers, 72 points: political 8×3 + 2×2 = 28 (38.9%), growth 8×2 = 16 (22.2%); 12 of the 15 副科级
    expect(up).toMatchObject({ answers: 12, expected: 15, responseRate: 80, suppressed: null });
    expect(up!.recommended!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['political', 28, 38.9],
      ['growth', 16, 22.2],
    ]);
    expect(up!.explanation).toMatch(
      /^乡科级及以上（12人作答）：政治激励 38\.9%、成长发展 22\.2%，建议以政治激励为主、辅以成长发展/,
    );
    // 8 answers, 48 points: economic 5×3 + 3×2 = 21 (43.8%), life 5×2 + 3×3 = 19 (39.6%); 8 of the 10 科员
    expect(below).toMatchObject({ answers: 8, expected: 10, responseRate: 80 });
    expect(below!.recommended!.map((k) => [k.id, k.points, k.share])).toEqual([
      ['economic', 21, 43.8],
      ['life', 19, 39.6],
    ]);
    expect(bands('post').map((b) => [b.id, b.suppressed, b.answers, b.recommended])).toEqual([
      ['village', 'small', null, null],
      ['leading', 'complementary', null, null],
      ['staff', null, 10, expect.any(Array)],
    ]);
    expect(bands('post')[0]!.explanation).toContain('不足5人，不显示');
    expect(r.breakdowns.find((b) => b.id === 'post')!.explanation).toContain('领导职务一并不显示');
    expect(bands('education').map((b) => [b.id, b.suppressed, b.answers, b.expected])).toEqual([
      ['postgraduate', 'small', null, 0],
      ['university', null, 14, 15],
      ['other', 'small', null, 10],
    ]);
    // overtime of all twenty: ≤5: 0; 6–10: 10×4 + 8×7 + 7×2 = 13; 11–20: 20, 18, 15, 12 = 4; 21–40: 30, 25 = 2;
    // 41–60: 0; over 60: 92 → mean 322 / 20 = 16.1, max 92
    expect(r.total).toMatchObject({ answers: 20, expected: 25, responseRate: 80 });
    expect(r.total.overtime).toEqual({ counts: [0, 13, 4, 2, 0, 1], mean: 16.1, max: 92 });
    // 乡科级以下 (i 12–19): 8, 8, 8, 8, 8, 8, 7, 7 → mean 7.8 (62 / 8 = 7.75), max 8
    expect(below!.overtime).toEqual({ counts: [0, 8, 0, 0, 0, 0], mean: 7.8, max: 8 });
  });

  it('the recommendation where incentives are planned: the latest closed survey covering the unit (R-NEED-2)', async () => {
    const res = await as(orgdept, 'GET', `/api/surveys/recommendation?orgId=${streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    const rec = res.json<{
      survey: { id: string; groups: { bandId: string; recommended: { id: string }[] }[] };
    }>();
    expect(rec.survey.id).toBe(surveyId);
    expect(rec.survey.groups.map((g) => [g.bandId, g.recommended.map((k) => k.id)])).toEqual([
      ['section_up', ['political', 'growth']],
      ['below_section', ['economic', 'life']],
      ['staff', ['economic', 'life']],
      ['university', ['political', 'economic']],
    ]);
    const none = await as(otherOrgdept, 'GET', `/api/surveys/recommendation?orgId=${streetId}`);
    expect(none.json()).toEqual({ survey: null });
  });

  it('settling is refused outside the caller’s scope (the reviewed SECURITY DEFINER function)', async () => {
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `SELECT set_config('app.context', 'user', true), set_config('app.scope_mode', 'subtree', true),
                set_config('app.scope_path', (SELECT path::text FROM orgs WHERE parent_id IS NULL) || '.nowhere', true)`,
      );
      await expect(c.query('SELECT needs_survey_settle($1)', [surveyId])).rejects.toThrow(/not in scope/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});
