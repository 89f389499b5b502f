-- A parent hint for row-level security through a parent (issue 10 §10: the tally of a province-size round).
--
-- `app_rls_child_of` makes a row visible when its parent row is: EXISTS (SELECT 1 FROM parent WHERE
-- parent.id = row.fk AND app_org_visible(parent.org_path)). The planner runs that as a hashed sub-plan
-- probed once per row — for the tally's 2,000,000 ballot scores of one round, some 0.1–0.15 s of a ~1 s
-- statement on PostgreSQL 15, spent asking 2,000,000 times whether the same round is visible.
--
-- With `hint_setting`, the policy first asks that once per statement: the transaction names the parent it
-- is reading (the round, in a setting such as app.ballot_round) and the policy becomes
--
--   row.fk = (SELECT parent.id FROM parent WHERE parent.id = <the setting> AND <the same parent rule> LIMIT 1)
--   OR EXISTS (SELECT 1 FROM parent WHERE parent.id = row.fk AND <the same parent rule>)
--
-- The first operand is an InitPlan (no reference to the row): it yields the named parent's key when that
-- parent is visible under exactly the rule of the second operand — the parent table's own policy and the
-- parent_path_col test, with the caller's scope settings — and NULL otherwise (no setting, another
-- round, a round out of scope). A row it admits therefore has a visible parent, which the second operand
-- admits as well: the two together admit exactly the rows the second admits alone. Naming a round the
-- reader may not see makes the first operand NULL and changes nothing; naming none costs one NULL test per
-- row. Writes keep the plain rule (WITH CHECK is unchanged).
--
-- The helper gains the optional parameter; calls without it (every existing policy, and their recorded
-- calls that the catalog test replays) make exactly what they made before, comment included.

DROP PROCEDURE app_rls_child_of(regclass, text[], regclass, text[], text, text);

CREATE PROCEDURE app_rls_child_of(tbl regclass, fk_cols text[], parent_tbl regclass,
                                  parent_cols text[] DEFAULT ARRAY['id'], parent_path_col text DEFAULT NULL,
                                  also_visible text DEFAULT NULL, hint_setting text DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_match text;
  v_shape text;
  v_using text;
  v_type text;
  v_hinted text;
  v_call text;
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
  v_using := v_shape;
  v_call := format('CALL app_rls_child_of(%L, %L, %L, %L, %L, %L)',
                   tbl, fk_cols, parent_tbl, parent_cols, parent_path_col, also_visible);
  IF hint_setting IS NOT NULL THEN
    IF array_length(fk_cols, 1) <> 1 THEN
      RAISE EXCEPTION 'app_rls_child_of: a hint_setting needs one foreign-key column';
    END IF;
    IF hint_setting !~ '^app\.[a-z_]+$' THEN
      RAISE EXCEPTION 'app_rls_child_of: hint_setting is an app.* setting name, not %', hint_setting;
    END IF;
    SELECT format_type(a.atttypid, a.atttypmod) INTO v_type
      FROM pg_attribute a WHERE a.attrelid = tbl AND a.attname = fk_cols[1] AND NOT a.attisdropped;
    -- the same parent rule as v_match, with the named parent in place of the row's
    v_hinted := format('parent.%I = app_setting(%L)::%s', parent_cols[1], hint_setting, v_type);
    IF parent_path_col IS NOT NULL THEN
      v_hinted := v_hinted || format(' AND app_org_visible(parent.%I)', parent_path_col);
    END IF;
    v_using := format('(%s.%I = (SELECT parent.%I FROM %s parent WHERE %s LIMIT 1)) OR (%s)',
                      tbl, fk_cols[1], parent_cols[1], parent_tbl, v_hinted, v_shape);
    v_call := format('CALL app_rls_child_of(%L, %L, %L, %L, %L, %L, %L)',
                     tbl, fk_cols, parent_tbl, parent_cols, parent_path_col, also_visible, hint_setting);
  END IF;
  CALL app_rls_make_policy(tbl, 'app_rls_child_of', 'ALL', 'public',
    app_rls_or(v_using, also_visible), v_shape, v_call);
END $$;
REVOKE ALL ON PROCEDURE app_rls_child_of FROM PUBLIC;

-- A round's ballot scores: the tally names its round in app.ballot_round for its one statement.
CALL app_rls_child_of('ballot_scores', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path',
                      hint_setting => 'app.ballot_round');
