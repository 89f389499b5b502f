import { shippedPacks, surveyRulesOf } from '@ganbu/core';
import { surveyCodeHash } from '../../src/modules/survey/needs/survey-code.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 16): an open needs survey of the foreign street
 * with an unused code, and a closed one with five settled answers. Every value is an id of a row in the
 * foreign street's scope (or, `code`, the bearer code of its open survey); the fixture adds them all to
 * `foreignIds` (none may appear in an answer to a user outside it).
 */
export interface SurveyRows extends Record<string, string> {
  surveyId: string;
  closedId: string;
  code: string;
}

export async function newSurveyRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<SurveyRows> {
  const fengze = shippedPacks().find((p) => p.id === 'fengze')!;
  const rules = surveyRulesOf(fengze, false)!;
  const code = 'ABCD-EFGH-JKMN-PQRS';
  const hash = surveyCodeHash(createFieldCipher(TEST_ENCRYPTION_KEY), code.replace(/-/g, ''));
  const rows = await asSystem(db, async (client) => {
    const path = (
      await client.query<{ path: string }>('SELECT path::text FROM orgs WHERE id = $1', [r.orgId])
    ).rows[0]!.path;
    const insert = async (state: 'open' | 'closed') =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO needs_surveys (org_id, org_path, title, opens_on, closes_on, with_overtime, rules, state,
                                      closed_on, expected, answers)
           VALUES ($1, $2::ltree, '越权调查', '2026-11-01', '2026-11-30', false, $3, $4,
                   CASE WHEN $4 = 'closed' THEN '2026-11-02'::date END,
                   CASE WHEN $4 = 'closed' THEN $5::jsonb END, CASE WHEN $4 = 'closed' THEN 5 END)
           RETURNING id`,
          [
            r.orgId,
            path,
            JSON.stringify(rules),
            state,
            JSON.stringify({
              rank: { section_up: 5, below_section: 0 },
              post: { village: 0, leading: 0, staff: 5 },
              education: { postgraduate: 0, university: 5, other: 0 },
            }),
          ],
        )
      ).rows[0]!.id;
    const surveyId = await insert('open');
    const closedId = await insert('closed');
    await client.query(
      `INSERT INTO needs_survey_codes (survey_id, unit_id, token_hash, batch_id) VALUES ($1, $2, $3, gen_random_uuid())`,
      [surveyId, r.orgId, hash],
    );
    return { surveyId, closedId, code };
  });
  // settled answers are written only by needs_survey_settle (the app role may not): as the admin here
  await db.admin.query(
    `INSERT INTO needs_answers (survey_id, rank_band, post_band, education_band, picks, overtime)
     SELECT $1, 'section_up', 'staff', 'university', ARRAY['political', 'growth'], NULL FROM generate_series(1, 5)`,
    [rows.closedId],
  );
  return rows;
}
