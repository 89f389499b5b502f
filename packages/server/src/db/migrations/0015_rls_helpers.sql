-- Row-level security from named helpers (issue 11). Until now each migration hand-copied one of three
-- policy shapes; from here on a table's policies are made by one call:
--
--   CALL app_rls_org_subtree('orgs', 'path');                        -- a unit's rows: the org subtree in scope
--   CALL app_rls_person('cadres', 'org_path', 'id');                 -- a cadre's rows: + 仅本人 sees only their own
--   CALL app_rls_child_of('ballots', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path');
--                                                                     -- a row scoped through its parent
--
-- Each helper enables and forces row-level security on the table, (re)creates ONE policy named after the
-- helper (e.g. policy "app_rls_person" on cadres) with exactly its shape, and records the call that made
-- it as the policy's comment; the catalog test replays that call and requires the same policy back, so a
-- hand-written or hand-edited policy fails it. `also_visible` (an expression ORed into USING only) lets a
-- table show a few more rows to readers without widening what anyone may write. The platform's own account
-- tables (users, sessions, audit_log) keep rules of their own through app_rls_special, reviewed one by one
-- in the catalog test. This migration re-creates every existing policy through the helpers; who sees what
-- does not change (the expressions are the ones the earlier migrations wrote, see each call).

-- (Re)create one policy; only the helpers below call it.
CREATE PROCEDURE app_rls_make_policy(p_tbl regclass, p_name text, p_cmd text, p_role text,
                                     p_using text, p_check text, p_call text)
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_tbl);
  IF EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = p_tbl AND polname = p_name) THEN
    EXECUTE format('DROP POLICY %I ON %s', p_name, p_tbl);
  END IF;
  EXECUTE format('CREATE POLICY %I ON %s AS PERMISSIVE FOR %s TO %s USING (%s)%s',
                 p_name, p_tbl, p_cmd, p_role, p_using,
                 CASE WHEN p_check IS NULL THEN '' ELSE format(' WITH CHECK (%s)', p_check) END);
  EXECUTE format('COMMENT ON POLICY %I ON %s IS %L', p_name, p_tbl, p_call);
END $$;

-- USING widened by an optional also_visible expression (readers only; WITH CHECK stays the shape's).
CREATE FUNCTION app_rls_or(p_base text, p_also text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_also IS NULL THEN p_base ELSE format('(%s) OR (%s)', p_base, p_also) END $$;

-- A unit's rows: visible and writable when the row's org path is inside the scope (全部 / 本单位及下级 /
-- 本单位; 仅本人 sees its own unit's row).
CREATE PROCEDURE app_rls_org_subtree(tbl regclass, path_col text, also_visible text DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_shape text := format('app_org_visible(%I)', path_col);
BEGIN
  CALL app_rls_make_policy(tbl, 'app_rls_org_subtree', 'ALL', 'public',
    app_rls_or(v_shape, also_visible), v_shape,
    format('CALL app_rls_org_subtree(%L, %L, %L)', tbl, path_col, also_visible));
END $$;

-- A cadre's rows: the org subtree in scope, and under 仅本人 only the rows of the user's own cadre (none
-- without a linked cadre). Written inline (the rule of app_person_visible) so the planner evaluates the scope
-- sub-selects once per statement. write_check 'subtree' lets a writer place rows anywhere in their subtree
-- (assessment targets, whose round's own policy bounds where a round may be).
CREATE PROCEDURE app_rls_person(tbl regclass, path_col text, person_col text,
                                also_visible text DEFAULT NULL, write_check text DEFAULT 'person')
  LANGUAGE plpgsql AS $$
DECLARE
  v_shape text := format(
    '%1$I <@ (SELECT app_scope_root())'
    ' AND ((SELECT app_scope_exact()) IS NULL OR %1$I = (SELECT app_scope_exact()))'
    ' AND ((SELECT app_scope_self()) IS NULL OR %2$I = (SELECT app_scope_self()))', path_col, person_col);
  v_check text;
BEGIN
  v_check := CASE write_check
    WHEN 'person' THEN v_shape
    WHEN 'subtree' THEN format('%I <@ (SELECT app_scope_root())', path_col)
  END;
  IF v_check IS NULL THEN
    RAISE EXCEPTION 'app_rls_person: write_check is ''person'' or ''subtree'', not %', write_check;
  END IF;
  CALL app_rls_make_policy(tbl, 'app_rls_person', 'ALL', 'public',
    app_rls_or(v_shape, also_visible), v_check,
    format('CALL app_rls_person(%L, %L, %L, %L, %L)', tbl, path_col, person_col, also_visible, write_check));
END $$;

-- A row scoped through its parent: visible and writable when its parent row (matched on fk_cols =
-- parent_cols) is visible under the parent's own policy — and, with parent_path_col, when the parent's org
-- path is in scope (a ballot belongs to the round's organiser, not to everyone who may read the round).
CREATE PROCEDURE app_rls_child_of(tbl regclass, fk_cols text[], parent_tbl regclass,
                                  parent_cols text[] DEFAULT ARRAY['id'], parent_path_col text DEFAULT NULL,
                                  also_visible text DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_match text;
  v_shape text;
BEGIN
  IF coalesce(array_length(fk_cols, 1), 0) = 0 OR array_length(fk_cols, 1) IS DISTINCT FROM array_length(parent_cols, 1) THEN
    RAISE EXCEPTION 'app_rls_child_of: fk_cols and parent_cols must name the same number of columns';
  END IF;
  SELECT string_agg(format('parent.%I = %s.%I', parent_cols[i], tbl, fk_cols[i]), ' AND ' ORDER BY i)
    INTO v_match FROM generate_subscripts(fk_cols, 1) AS i;
  IF parent_path_col IS NOT NULL THEN
    v_match := v_match || format(' AND app_org_visible(parent.%I)', parent_path_col);
  END IF;
  v_shape := format('EXISTS (SELECT 1 FROM %s parent WHERE %s)', parent_tbl, v_match);
  CALL app_rls_make_policy(tbl, 'app_rls_child_of', 'ALL', 'public',
    app_rls_or(v_shape, also_visible), v_shape,
    format('CALL app_rls_child_of(%L, %L, %L, %L, %L, %L)',
           tbl, fk_cols, parent_tbl, parent_cols, parent_path_col, also_visible));
END $$;

-- A rule of its own, for the platform's account tables only; the catalog test lists each one it accepts.
CREATE PROCEDURE app_rls_special(tbl regclass, label text, using_expr text, check_expr text,
                                 for_cmd text DEFAULT 'ALL', to_role text DEFAULT 'public')
  LANGUAGE plpgsql AS $$
BEGIN
  CALL app_rls_make_policy(tbl, 'app_rls_special_' || label, for_cmd,
    CASE WHEN to_role = 'public' THEN 'public' ELSE quote_ident(to_role) END, using_expr, check_expr,
    format('CALL app_rls_special(%L, %L, %L, %L, %L, %L)', tbl, label, using_expr, check_expr, for_cmd, to_role));
END $$;

REVOKE ALL ON PROCEDURE app_rls_make_policy, app_rls_org_subtree, app_rls_person, app_rls_child_of,
  app_rls_special FROM PUBLIC;

-- ---------------------------------------------------------------- the existing tables, through the helpers
-- org subtree
DROP POLICY orgs_scope ON orgs;
CALL app_rls_org_subtree('orgs', 'path');

-- a named rater sees the round they rate, a cadre the round they are a target of (0005, 0006)
DROP POLICY assessment_rounds_scope ON assessment_rounds;
CALL app_rls_org_subtree('assessment_rounds', 'org_path', also_visible =>
  'EXISTS (SELECT 1 FROM assessment_targets t WHERE t.round_id = assessment_rounds.id)'
  ' OR EXISTS (SELECT 1 FROM named_raters n WHERE n.round_id = assessment_rounds.id AND n.user_id = app_user_id())');

-- the rater sees their own assignments (0006)
DROP POLICY named_raters_scope ON named_raters;
CALL app_rls_org_subtree('named_raters', 'round_org_path', also_visible => 'user_id = app_user_id()');

-- person (0004; cadre_corrections had the same rule as app_person_visible(org_path, cadre_id))
DROP POLICY cadres_scope ON cadres;
CALL app_rls_person('cadres', 'org_path', 'id');
DROP POLICY cadre_appointments_scope ON cadre_appointments;
CALL app_rls_person('cadre_appointments', 'org_path', 'cadre_id');
DROP POLICY cadre_photos_scope ON cadre_photos;
CALL app_rls_person('cadre_photos', 'org_path', 'cadre_id');
DROP POLICY cadre_corrections_scope ON cadre_corrections;
CALL app_rls_person('cadre_corrections', 'org_path', 'cadre_id');

-- a unit's published result (a target with no cadre) is readable by every signed-in user (0007)
DROP POLICY assessment_targets_scope ON assessment_targets;
CALL app_rls_person('assessment_targets', 'unit_path', 'cadre_id',
  also_visible => 'cadre_id IS NULL AND published AND app_user_id() IS NOT NULL', write_check => 'subtree');

-- child of parent: through the target's own policy (0005, 0009)
DROP POLICY assessment_overrides_scope ON assessment_overrides;
CALL app_rls_child_of('assessment_overrides', '{target_id}', 'assessment_targets');
DROP POLICY assessment_waivers_scope ON assessment_waivers;
CALL app_rls_child_of('assessment_waivers', '{target_id}', 'assessment_targets');
DROP POLICY assessment_report_files_scope ON assessment_report_files;
CALL app_rls_child_of('assessment_report_files', '{target_id,round_id}', 'assessment_targets', '{id,round_id}');

-- child of parent: the organiser's scope over the round's unit (0005, 0006, 0010)
DROP POLICY ballot_tokens_scope ON ballot_tokens;
CALL app_rls_child_of('ballot_tokens', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path',
  also_visible => 'EXISTS (SELECT 1 FROM named_raters n WHERE n.token_hash = ballot_tokens.token_hash'
                  ' AND n.user_id = app_user_id())');
DROP POLICY ballots_scope ON ballots;
CALL app_rls_child_of('ballots', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path');
DROP POLICY ballot_scores_scope ON ballot_scores;
CALL app_rls_child_of('ballot_scores', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path');
DROP POLICY ballot_pending_scope ON ballot_pending;
CALL app_rls_child_of('ballot_pending', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path');

-- the platform's account tables (0001), unchanged
DROP POLICY users_scope ON users;
-- accounts in scope; everyone sees their own; 仅本人 sees only their own
CALL app_rls_special('users', 'account',
  'id = app_user_id() OR (app_setting(''app.scope_mode'') <> ''self'' AND app_org_visible(org_path))',
  'id = app_user_id() OR (app_setting(''app.scope_mode'') <> ''self'' AND app_org_visible(org_path))');
DROP POLICY sessions_scope ON sessions;
-- session look-up runs in the 'system' context before the user is known; otherwise the sessions of the
-- accounts the user may see (the sub-select is itself filtered by the users policy)
CALL app_rls_special('sessions', 'session',
  'app_setting(''app.context'') = ''system'' OR EXISTS (SELECT 1 FROM users u WHERE u.id = user_id)',
  'app_setting(''app.context'') = ''system'' OR user_id = app_user_id()');
DROP POLICY audit_read ON audit_log;
DROP POLICY audit_owner ON audit_log;
-- the auditor reads the log; only the owner role (through the SECURITY DEFINER functions) writes it
CALL app_rls_special('audit_log', 'auditor_read', 'app_has_role(''auditor'')', NULL, 'SELECT');
CALL app_rls_special('audit_log', 'owner', 'true', 'true', 'ALL', 'ganbu_owner');
