import type { SurveyAnswer, SurveyBreakdownId, SurveyRules, SurveyState } from '@ganbu/core';
import { SURVEY_BREAKDOWNS } from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams } from '../../selection/indicators/condition-sql.ts';

type NeedsSection = SurveyRules['needs'];

/**
 * The needs survey's tables (migration 0032), all under row-level security: surveys in the organiser's
 * subtree; codes, the pending pool and the settled answers through their survey. The pool and the answers
 * are written only through the functions of 0032 (`needs_survey_cast`, `needs_survey_settle`).
 */

export interface SurveyRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  title: string;
  opens_on: string;
  closes_on: string;
  with_overtime: boolean;
  rules: SurveyRules;
  state: SurveyState;
  closed_on: string | null;
  expected: Record<SurveyBreakdownId, Record<string, number>> | null;
  issued: number;
  used: number;
  revoked: number;
  answers: number;
  population: number;
}

const SELECT_SURVEY = `
  SELECT s.id, s.org_id, o.name AS org_name, s.org_path::text AS org_path, s.title,
         s.opens_on::text AS opens_on, s.closes_on::text AS closes_on, s.with_overtime, s.rules, s.state,
         s.closed_on::text AS closed_on, s.expected,
         (SELECT count(*)::int FROM needs_survey_codes k WHERE k.survey_id = s.id AND k.state = 'issued') AS issued,
         (SELECT count(*)::int FROM needs_survey_codes k WHERE k.survey_id = s.id AND k.state = 'used') AS used,
         (SELECT count(*)::int FROM needs_survey_codes k WHERE k.survey_id = s.id AND k.state = 'revoked') AS revoked,
         coalesce(s.answers, (SELECT count(*)::int FROM needs_answers_pending p WHERE p.survey_id = s.id)) AS answers,
         coalesce((SELECT sum(v::int)::int FROM jsonb_each_text(s.expected -> 'rank') AS e(k, v)),
                  (SELECT count(*)::int FROM cadres c WHERE c.deactivated_at IS NULL AND c.org_path <@ s.org_path)) AS population
    FROM needs_surveys s JOIN orgs o ON o.id = s.org_id`;

export async function listSurveys(client: pg.ClientBase): Promise<SurveyRow[]> {
  const { rows } = await client.query<SurveyRow>(
    `${SELECT_SURVEY} ORDER BY s.opens_on DESC, s.created_at DESC`,
  );
  return rows;
}

export async function findSurvey(client: pg.ClientBase, id: string, lock = false): Promise<SurveyRow | null> {
  if (lock) await client.query('SELECT 1 FROM needs_surveys WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await client.query<SurveyRow>(`${SELECT_SURVEY} WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

/** A unit visible to the reader: its name and path. */
export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text AS path FROM orgs WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertSurvey(
  client: pg.ClientBase,
  s: {
    orgId: string;
    orgPath: string;
    title: string;
    opensOn: string;
    closesOn: string;
    withOvertime: boolean;
    rules: SurveyRules;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO needs_surveys (org_id, org_path, title, opens_on, closes_on, with_overtime, rules, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      s.orgId,
      s.orgPath,
      s.title,
      s.opensOn,
      s.closesOn,
      s.withOvertime,
      JSON.stringify(s.rules),
      s.createdBy,
    ],
  );
  return rows[0]!.id;
}

/** Active cadres of a subtree. */
export async function countActiveCadres(client: pg.ClientBase, path: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cadres c WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree`,
    [path],
  );
  return rows[0]?.n ?? 0;
}

/** Live (issued, unused) and used codes of a survey: the slips that may still become answers, or have. */
export async function countLiveCodes(client: pg.ClientBase, surveyId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM needs_survey_codes WHERE survey_id = $1 AND state <> 'revoked'`,
    [surveyId],
  );
  return rows[0]?.n ?? 0;
}

export async function insertCodes(
  client: pg.ClientBase,
  c: { surveyId: string; unitId: string; batchId: string; hashes: string[] },
): Promise<void> {
  await client.query(
    `INSERT INTO needs_survey_codes (survey_id, unit_id, token_hash, batch_id)
     SELECT $1, $2, h, $3 FROM unnest($4::text[]) AS h`,
    [c.surveyId, c.unitId, c.batchId, c.hashes],
  );
}

export async function lockCodeState(
  client: pg.ClientBase,
  surveyId: string,
  hash: string,
): Promise<'issued' | 'used' | 'revoked' | null> {
  const { rows } = await client.query<{ state: 'issued' | 'used' | 'revoked' }>(
    `SELECT state FROM needs_survey_codes WHERE survey_id = $1 AND token_hash = $2 FOR UPDATE`,
    [surveyId, hash],
  );
  return rows[0]?.state ?? null;
}

export async function revokeCodeRow(client: pg.ClientBase, surveyId: string, hash: string): Promise<void> {
  await client.query(
    `UPDATE needs_survey_codes SET state = 'revoked' WHERE survey_id = $1 AND token_hash = $2`,
    [surveyId, hash],
  );
}

/**
 * Active cadres of the subtree per band of each breakdown (the band's condition on `asOf`, first match
 * wins, as core `matchCondition` judges one person): counts only.
 */
export async function expectedPerBand(
  client: pg.ClientBase,
  path: string,
  needs: NeedsSection,
  asOf: string,
): Promise<Record<SurveyBreakdownId, Record<string, number>>> {
  const out = {} as Record<SurveyBreakdownId, Record<string, number>>;
  for (const b of SURVEY_BREAKDOWNS) {
    const params: unknown[] = [path];
    const p = dollarParams(params);
    const cases = needs.breakdowns[b]
      .map(
        (band) => `WHEN coalesce(${conditionSql(band.condition, asOf, p)}, false) THEN ${p(band.id)}::text`,
      )
      .join(' ');
    const { rows } = await client.query<{ band: string | null; n: number }>(
      `SELECT CASE ${cases} END AS band, count(*)::int AS n
         FROM cadres c WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree GROUP BY 1`,
      params,
    );
    out[b] = Object.fromEntries(needs.breakdowns[b].map((band) => [band.id, 0]));
    for (const r of rows) if (r.band) out[b][r.band] = r.n;
  }
  return out;
}

/** Move the pool into the settled answers (fresh random ids, random order); the number of answers. */
export async function settle(client: pg.ClientBase, surveyId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT needs_survey_settle($1) AS n', [surveyId]);
  return rows[0]?.n ?? 0;
}

export async function markClosed(
  client: pg.ClientBase,
  id: string,
  closedOn: string,
  expected: Record<SurveyBreakdownId, Record<string, number>>,
  answers: number,
): Promise<void> {
  await client.query(
    `UPDATE needs_surveys SET state = 'closed', closed_on = $2, expected = $3, answers = $4 WHERE id = $1`,
    [id, closedOn, JSON.stringify(expected), answers],
  );
}

/** The settled answers of a closed survey (by random id: no order of arrival). */
export async function listAnswers(client: pg.ClientBase, surveyId: string): Promise<SurveyAnswer[]> {
  const { rows } = await client.query<{
    rank_band: string;
    post_band: string;
    education_band: string;
    picks: string[];
    overtime: number | null;
  }>(
    `SELECT rank_band, post_band, education_band, picks, overtime FROM needs_answers WHERE survey_id = $1 ORDER BY id`,
    [surveyId],
  );
  return rows.map((r) => ({
    rank: r.rank_band,
    post: r.post_band,
    education: r.education_band,
    picks: r.picks,
    overtime: r.overtime,
  }));
}

/** The latest closed survey visible to the reader whose subtree covers the unit. */
export async function latestClosedCovering(client: pg.ClientBase, orgId: string): Promise<SurveyRow | null> {
  const { rows } = await client.query<SurveyRow>(
    `${SELECT_SURVEY}
      WHERE s.state = 'closed' AND s.org_path @> (SELECT u.path FROM orgs u WHERE u.id = $1)
      ORDER BY s.closed_on DESC, s.created_at DESC LIMIT 1`,
    [orgId],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- the public answer (no session)

export interface SurveySlip {
  state: 'issued' | 'used' | 'revoked';
  surveyState: SurveyState;
  title: string;
  opensOn: string;
  closesOn: string;
  rules: SurveyRules;
}

export async function selectSlip(pool: pg.Pool, hash: string): Promise<SurveySlip | null> {
  const { rows } = await pool.query<{ slip: SurveySlip | null }>('SELECT needs_survey_slip($1) AS slip', [
    hash,
  ]);
  return rows[0]?.slip ?? null;
}

/** Mark the code used and pool the answer, in one statement: 'ok', 'used', 'invalid' or 'state:<why>'. */
export async function castAnswer(
  pool: pg.Pool,
  hash: string,
  day: string,
  answer: SurveyAnswer,
): Promise<string> {
  const { rows } = await pool.query<{ result: string }>('SELECT needs_survey_cast($1, $2, $3) AS result', [
    hash,
    day,
    JSON.stringify(answer),
  ]);
  return rows[0]?.result ?? 'invalid';
}
