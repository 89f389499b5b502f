-- Roster speed (100,000 cadres): scope predicates evaluated once per statement, indexable filter columns
-- and one covering index so the roster's page and count are index-only scans of a narrow index.

-- The scope as three values, each computed once per statement when wrapped in a scalar sub-select
-- (an InitPlan), instead of several current_setting() calls per row:
--   root  every visible row's org path lies under it ('' = the whole tree; NULL = nothing visible)
--   exact 本单位 / 仅本人: the org path must equal it (NULL = any path under root)
--   self  仅本人: the only visible cadre id (NULL = any cadre)
CREATE FUNCTION app_scope_root() RETURNS ltree
  LANGUAGE sql STABLE AS $$
  SELECT CASE app_setting('app.scope_mode')
    WHEN 'all' THEN ''::ltree
    WHEN 'subtree' THEN app_setting('app.scope_path')::ltree
    WHEN 'unit' THEN app_setting('app.scope_path')::ltree
    WHEN 'self' THEN app_setting('app.scope_path')::ltree
  END $$;

CREATE FUNCTION app_scope_exact() RETURNS ltree
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN app_setting('app.scope_mode') IN ('unit', 'self') THEN app_setting('app.scope_path')::ltree END $$;

-- 仅本人 without a linked cadre sees no cadre: the nil uuid matches no row.
CREATE FUNCTION app_scope_self() RETURNS uuid
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN app_setting('app.scope_mode') = 'self'
    THEN coalesce(app_setting('app.cadre_id')::uuid, '00000000-0000-0000-0000-000000000000'::uuid) END $$;

-- Same rule as app_person_visible(org_path, cadre_id), written inline so the planner evaluates the
-- sub-selects once and the per-row work is three comparisons.
DROP POLICY cadres_scope ON cadres;
CREATE POLICY cadres_scope ON cadres
  USING (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR id = (SELECT app_scope_self())))
  WITH CHECK (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR id = (SELECT app_scope_self())));

DROP POLICY cadre_appointments_scope ON cadre_appointments;
CREATE POLICY cadre_appointments_scope ON cadre_appointments
  USING (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())))
  WITH CHECK (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())));

DROP POLICY cadre_photos_scope ON cadre_photos;
CREATE POLICY cadre_photos_scope ON cadre_photos
  USING (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())))
  WITH CHECK (org_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR org_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())));

-- Filter columns derived from the record, kept by PostgreSQL itself (STORED: PostgreSQL 18 defaults to
-- virtual, which cannot be indexed). birth_day: a month-precision 出生年月 counts from the 1st, as core
-- `ageAt` does. Built from immutable functions only (a text::date cast depends on DateStyle).
ALTER TABLE cadres
  ADD COLUMN birth_day date GENERATED ALWAYS AS (
    make_date(substr(birth_date, 1, 4)::int, substr(birth_date, 6, 2)::int,
              CASE WHEN length(birth_date) = 10 THEN substr(birth_date, 9, 2)::int ELSE 1 END)) STORED,
  ADD COLUMN education text GENERATED ALWAYS AS (full_time_education ->> 'education') STORED,
  ADD COLUMN degree text GENERATED ALWAYS AS (full_time_education ->> 'degree') STORED;

-- The roster's covering index: ordered by birth day (the age filter is a range on it, and the 出生年月
-- sort walks it), carrying every column the roster filters or sorts on and the scope columns, so both
-- the count and the page's ids come from the index alone. The GiST index on org_path made the planner
-- pick a bitmap scan of the whole table for a district-wide scope (it cannot estimate `<@` a parameter).
DROP INDEX IF EXISTS cadres_birth_date;
DROP INDEX IF EXISTS cadres_org_path_gist;
CREATE INDEX cadres_roster ON cadres (birth_day, id)
  INCLUDE (org_path, deactivated_at, name, gender, education, degree, political_status, category, rank,
           professional_type, tags, fact_street_or_township, fact_street_leadership, fact_township_secretary,
           fact_grassroots_months);
