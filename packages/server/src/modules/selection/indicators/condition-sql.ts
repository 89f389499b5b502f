import type { CadreCondition } from '@ganbu/core';

/**
 * A CadreCondition as a SQL boolean over `cadres c`, clause by clause as core `matchCondition` judges one
 * person (the reference the tests compare it with). Values go through `param`, which returns the
 * placeholder for a value (`$n` for a query of our own, `?` for the roster's WHERE builder). The unit's
 * kind and tags, and pool membership, are uncorrelated sub-selects (run once, then a membership test per
 * row), so the expression needs no join and fits any query over `cadres c`.
 *
 * The expression may be NULL where a column is (no 人员类别, no 全日制学历, no current post): NULL means
 * "not met", as in core; negate it only through `COALESCE(…, false)` (see `notMet`).
 */
export function conditionSql(c: CadreCondition, asOf: string, param: (v: unknown) => string): string {
  const parts: string[] = [];
  const orgWhere: string[] = [];
  if (c.orgKinds) orgWhere.push(`o.kind = ANY (${param(c.orgKinds)}::text[])`);
  if (c.orgTags) orgWhere.push(`o.tags @> ${param(c.orgTags)}::text[]`);
  // the units found once (an InitPlan), then a membership test per row: as `IN (SELECT …)` the planner may
  // re-scan orgs, with its row-level-security test, for every cadre (seconds over 100,000 cadres)
  if (orgWhere.length)
    parts.push(`c.org_id = ANY (ARRAY(SELECT o.id FROM orgs o WHERE ${orgWhere.join(' AND ')}))`);
  if (c.categories) parts.push(`c.category = ANY (${param(c.categories)}::text[])`);
  if (c.ranks) parts.push(`c.rank = ANY (${param(c.ranks)}::text[])`);
  if (c.gender) parts.push(`c.gender = ${param(c.gender)}`);
  // completed years on asOf, as the roster's age filter: age ≥ min ⇔ born on or before asOf − min years;
  // age ≤ max ⇔ born after asOf − (max + 1) years (birth_day: a month-precision 出生年月 counts from the 1st)
  if (c.ageMin !== undefined)
    parts.push(
      `c.birth_day <= (${param(asOf)}::date - make_interval(years => ${param(c.ageMin)}::int))::date`,
    );
  if (c.ageMax !== undefined)
    parts.push(
      `c.birth_day > (${param(asOf)}::date - make_interval(years => ${param(c.ageMax + 1)}::int))::date`,
    );
  if (c.educations) parts.push(`c.education = ANY (${param(c.educations)}::text[])`);
  if (c.politicalStatuses) parts.push(`c.political_status = ANY (${param(c.politicalStatuses)}::text[])`);
  if (c.tags) parts.push(`c.tags @> ${param(c.tags)}::text[]`);
  if (c.professionalType !== undefined)
    parts.push(`c.professional_type = ${param(c.professionalType)}::boolean`);
  if (c.streetOrTownship !== undefined)
    parts.push(`c.fact_street_or_township = ${param(c.streetOrTownship)}::boolean`);
  if (c.streetLeadership !== undefined)
    parts.push(`c.fact_street_leadership = ${param(c.streetLeadership)}::boolean`);
  if (c.townshipSecretary !== undefined)
    parts.push(`c.fact_township_secretary = ${param(c.townshipSecretary)}::boolean`);
  if (c.grassrootsYearsMin !== undefined)
    parts.push(`c.fact_grassroots_months >= ${param(Math.round(c.grassrootsYearsMin * 12))}::int`);
  if (c.currentRoleKinds) parts.push(`c.fact_current_role_kind = ANY (${param(c.currentRoleKinds)}::text[])`);
  if (c.currentLeadership !== undefined)
    parts.push(`c.fact_current_leadership = ${param(c.currentLeadership)}::boolean`);
  if (c.pool) {
    // an active member on asOf: entered on or before it and not yet left on it (placeholders in the order
    // they appear: the roster's `?` builder takes the values in that order)
    const kind = param(c.pool.kind);
    const entered = param(asOf);
    const left = param(asOf);
    const levels = c.pool.levels ? ` AND m.level = ANY (${param(c.pool.levels)}::text[])` : '';
    parts.push(
      `c.id IN (SELECT m.cadre_id FROM pool_members m WHERE m.kind = ${kind} AND m.entered_on <= ${entered}::date
         AND (m.left_on IS NULL OR m.left_on > ${left}::date)${levels})`,
    );
  }
  if (c.practice) {
    // a practice posting (issue 15) started on or before asOf, of the kinds, and within the years before it
    // (on or after the same day withinYears years earlier, as core `hasPracticeWithin`)
    const started = param(asOf);
    const kinds = c.practice.kinds ? ` AND p.kind = ANY (${param(c.practice.kinds)}::text[])` : '';
    const within =
      c.practice.withinYears !== undefined
        ? ` AND p.started_on >= (${param(asOf)}::date - make_interval(years => ${param(c.practice.withinYears)}::int))::date`
        : '';
    parts.push(
      `c.id IN (SELECT p.cadre_id FROM practice_postings p WHERE p.started_on <= ${started}::date${kinds}${within})`,
    );
  }
  return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
}

/** The condition is not met (a NULL clause counts as not met, as in core). */
export const notMet = (sql: string) => `NOT COALESCE(${sql}, false)`;

/** A `$n` placeholder builder over a params array of our own. */
export function dollarParams(params: unknown[]) {
  return (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
}
