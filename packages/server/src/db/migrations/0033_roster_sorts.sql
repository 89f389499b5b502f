-- Roster speed for every sort the page offers (issue 10 §8). 0004's covering index serves the birth-date
-- range and sort only; the default page (by unit), the rank and the name sorts read and sorted the whole
-- table. One covering index per sort key, with the same INCLUDE list as cadres_roster (its key columns
-- moved into INCLUDE) and org_id (a narrower scope names its units, below), so each sort is a walk of a
-- narrow index that stops after the page.
CREATE INDEX cadres_roster_org ON cadres (org_path, name, id)
  INCLUDE (org_id, birth_day, deactivated_at, gender, education, degree, political_status, category, rank,
           professional_type, tags, fact_street_or_township, fact_street_leadership, fact_township_secretary,
           fact_grassroots_months);
CREATE INDEX cadres_roster_rank ON cadres (rank, name, id)
  INCLUDE (org_id, org_path, birth_day, deactivated_at, gender, education, degree, political_status, category,
           professional_type, tags, fact_street_or_township, fact_street_leadership, fact_township_secretary,
           fact_grassroots_months);
CREATE INDEX cadres_roster_name ON cadres (name, id)
  INCLUDE (org_id, org_path, birth_day, deactivated_at, gender, education, degree, political_status, category, rank,
           professional_type, tags, fact_street_or_township, fact_street_leadership, fact_township_secretary,
           fact_grassroots_months);
-- A narrower scope's rows by unit: `<@` cannot use a B-tree, and ltree's comparisons are not leakproof (no index
-- condition under row-level security), so the roster of a street or a unit names its visible units' ids
-- (uuid equality is leakproof) and reads their entries from this index only.
CREATE INDEX cadres_roster_unit ON cadres (org_id, id)
  INCLUDE (org_path, birth_day, deactivated_at, name, gender, education, degree, political_status, category, rank,
           professional_type, tags, fact_street_or_township, fact_street_leadership, fact_township_secretary,
           fact_grassroots_months);

-- The district-wide scope (全部, and the system context) sees every row: say so with one boolean computed
-- once per statement, tested before the rest of the rule, so the per-row tests (`org_path <@ ''` and two
-- NULL checks) are skipped for it. Same visibility as before: under 'all' the root is '' (every path) and
-- exact and self are NULL. It also mends the planner's estimate: the three ANDed tests of parameters were
-- estimated at 4 rows of 100,000 (each `(SELECT …) IS NULL` counts 0.5 %), so no sort was ever served by
-- walking an index; `flag OR (…)` is estimated at about half the rows.
CREATE FUNCTION app_scope_all() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(app_setting('app.scope_mode') = 'all', false) $$;

-- app_rls_person (0015) with the short-circuit in front of its rule; its write checks likewise.
CREATE OR REPLACE PROCEDURE app_rls_person(tbl regclass, path_col text, person_col text,
                                           also_visible text DEFAULT NULL, write_check text DEFAULT 'person')
  LANGUAGE plpgsql AS $$
DECLARE
  v_shape text := format(
    '(SELECT app_scope_all()) OR (%1$I <@ (SELECT app_scope_root())'
    ' AND ((SELECT app_scope_exact()) IS NULL OR %1$I = (SELECT app_scope_exact()))'
    ' AND ((SELECT app_scope_self()) IS NULL OR %2$I = (SELECT app_scope_self())))', path_col, person_col);
  v_check text;
BEGIN
  v_check := CASE write_check
    WHEN 'person' THEN v_shape
    WHEN 'subtree' THEN format('(SELECT app_scope_all()) OR %I <@ (SELECT app_scope_root())', path_col)
  END;
  IF v_check IS NULL THEN
    RAISE EXCEPTION 'app_rls_person: write_check is ''person'' or ''subtree'', not %', write_check;
  END IF;
  CALL app_rls_make_policy(tbl, 'app_rls_person', 'ALL', 'public',
    app_rls_or(v_shape, also_visible), v_check,
    format('CALL app_rls_person(%L, %L, %L, %L, %L)', tbl, path_col, person_col, also_visible, write_check));
END $$;
REVOKE ALL ON PROCEDURE app_rls_person FROM PUBLIC;

-- Every policy app_rls_person made is made again by the call it recorded (its comment), in the new shape.
DO $$
DECLARE
  v_call text;
BEGIN
  FOR v_call IN
    SELECT obj_description(p.oid, 'pg_policy')
      FROM pg_policy p JOIN pg_class cl ON cl.oid = p.polrelid
     WHERE p.polname = 'app_rls_person' AND cl.relnamespace = 'public'::regnamespace
     ORDER BY cl.relname
  LOOP
    IF v_call IS NULL OR v_call NOT LIKE 'CALL app_rls_person(%' THEN
      RAISE EXCEPTION 'app_rls_person policy without its recorded call: %', v_call;
    END IF;
    EXECUTE v_call;
  END LOOP;
END $$;
