import type { PublishedAnnualResult } from '@ganbu/core';
import type pg from 'pg';

/**
 * The grades of the published annual rounds (scheme kind `annual`) the cadre was a target of, with the
 * round each came from (R-ASM-6: results reach the registry). Read under the caller's row-level security:
 * whoever may read the cadre's record reads these rows too.
 */
export async function publishedAnnualResults(
  client: pg.ClientBase,
  cadreId: string,
): Promise<PublishedAnnualResult[]> {
  const { rows } = await client.query<{
    year: number;
    grade: string;
    grade_name: string | null;
    round_id: string;
    round_name: string;
  }>(
    `SELECT extract(year FROM r.period_end)::int AS year, t.final_grade AS grade,
            (SELECT g ->> 'name' FROM jsonb_array_elements(r.rules -> 'gradeScale' -> 'grades') g
              WHERE g ->> 'code' = t.final_grade LIMIT 1) AS grade_name,
            r.id AS round_id, r.name AS round_name
       FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.cadre_id = $1 AND t.published AND t.final_grade IS NOT NULL
        AND r.state = 'published' AND r.rules -> 'scheme' ->> 'kind' = 'annual'
      ORDER BY r.period_end, r.created_at`,
    [cadreId],
  );
  return rows.map((r) => ({
    year: r.year,
    grade: r.grade,
    gradeName: r.grade_name ?? r.grade,
    roundId: r.round_id,
    roundName: r.round_name,
  }));
}
