-- Ballots that nothing stored links back to their slip (SECURITY 20, 21, 30).
--
-- A submission marks its slip used and puts the ballot in a pending pool, in one statement
-- (`ballot_cast`): one slip, one ballot, atomically. The pool row shares the slip row's transaction id
-- (`xmin`), so it lives only while the round is open: closing the round (`ballot_settle`) moves every
-- ballot of the round — pooled ones and any stored earlier (a reopened round, seeded data) — into
-- `ballots`/`ballot_scores` under fresh random ids, in random order, in the closing transaction, and
-- empties the pool. After close every ballot of a round carries the same `xmin` and no physical order.

CREATE TABLE ballot_pending (
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  group_id text NOT NULL,
  unit_id uuid REFERENCES orgs(id),
  cast_on date NOT NULL,
  -- [{"target_id": uuid, "points": [hundredths…], "total": hundredths}, …]
  scores jsonb NOT NULL
-- dead rows (moved ballots) are vacuumed away at the next autovacuum pass, not after 50 + 20 %
) WITH (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
CREATE INDEX ballot_pending_round ON ballot_pending (round_id);

ALTER TABLE ballot_pending ENABLE ROW LEVEL SECURITY;
ALTER TABLE ballot_pending FORCE ROW LEVEL SECURITY;
CREATE POLICY ballot_pending_scope ON ballot_pending
  USING (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)));
-- counted for turnout; written only through ballot_cast; moved only by ballot_settle
GRANT SELECT, INSERT ON ballot_pending TO ganbu_app;

-- The 'system' context (every row visible) for the body of a ballot function, and back: the settings the
-- caller had are restored before the function returns, so a call inside a user's transaction leaves that
-- user's scope as it was. (A function's own SET clause cannot name these placeholder settings unless a
-- superuser creates it.)
CREATE FUNCTION app_enter_system() RETURNS text[]
  LANGUAGE plpgsql AS $$
DECLARE
  v_names text[] := ARRAY['app.context', 'app.scope_mode', 'app.scope_path', 'app.user_id', 'app.cadre_id', 'app.roles'];
  v_saved text[] := '{}';
  v_name text;
BEGIN
  FOREACH v_name IN ARRAY v_names LOOP
    v_saved := v_saved || coalesce(current_setting(v_name, true), '');
  END LOOP;
  PERFORM set_config('app.context', 'system', true), set_config('app.scope_mode', 'all', true),
          set_config('app.scope_path', '', true), set_config('app.user_id', '', true),
          set_config('app.cadre_id', '', true), set_config('app.roles', '', true);
  RETURN v_saved;
END $$;

CREATE FUNCTION app_leave_system(p_saved text[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.context', p_saved[1], true), set_config('app.scope_mode', p_saved[2], true),
          set_config('app.scope_path', p_saved[3], true), set_config('app.user_id', p_saved[4], true),
          set_config('app.cadre_id', p_saved[5], true), set_config('app.roles', p_saved[6], true);
END $$;

-- The slip behind a keyed hash, for the public ballot route: no session, no scope, one statement.
CREATE FUNCTION ballot_slip(p_token_hash text) RETURNS jsonb
  LANGUAGE plpgsql
AS $$
DECLARE
  v_saved text[] := app_enter_system();
  v_slip jsonb;
BEGIN
  SELECT jsonb_build_object(
    'state', t.state, 'roundState', r.state, 'criteria', r.rules -> 'scheme' -> 'criteria',
    'targets', coalesce((
      SELECT jsonb_agg(a.id) FROM assessment_targets a
       WHERE a.round_id = t.round_id
         AND (t.unit_id IS NULL OR a.unit_path <@ (SELECT o.path FROM orgs o WHERE o.id = t.unit_id))), '[]'))
    FROM ballot_tokens t JOIN assessment_rounds r ON r.id = t.round_id
   WHERE t.token_hash = p_token_hash
    INTO v_slip;
  PERFORM app_leave_system(v_saved);
  RETURN v_slip;
END $$;

-- Cast a checked ballot: 'ok', 'invalid' (no such slip, or revoked), 'used', or 'state:<round state>'.
-- The round row is share-locked until the ballot is in the pool, so a concurrent close either waits for
-- this ballot (and moves it) or is seen here as closed.
CREATE FUNCTION ballot_cast(p_token_hash text, p_day date, p_scores jsonb) RETURNS text
  LANGUAGE plpgsql
AS $$
DECLARE
  v_saved text[] := app_enter_system();
  v_token ballot_tokens;
  v_state text;
  v_result text := 'ok';
BEGIN
  SELECT * INTO v_token FROM ballot_tokens WHERE token_hash = p_token_hash;
  IF NOT FOUND OR v_token.state = 'revoked' THEN
    v_result := 'invalid';
  ELSIF v_token.state = 'used' THEN
    v_result := 'used';
  ELSE
    SELECT state INTO v_state FROM assessment_rounds WHERE id = v_token.round_id FOR SHARE;
    IF v_state IS DISTINCT FROM 'open' THEN
      v_result := 'state:' || coalesce(v_state, 'missing');
    ELSE
      -- of concurrent submissions with one slip, the row lock lets exactly one flip 'issued' → 'used'
      UPDATE ballot_tokens SET state = 'used' WHERE token_hash = p_token_hash AND state = 'issued';
      IF NOT FOUND THEN
        v_result := 'used';
      ELSE
        INSERT INTO ballot_pending (round_id, group_id, unit_id, cast_on, scores)
        VALUES (v_token.round_id, v_token.group_id, v_token.unit_id, p_day, p_scores);
      END IF;
    END IF;
  END IF;
  PERFORM app_leave_system(v_saved);
  RETURN v_result;
END $$;

-- Close a round's ballot box (reviewed SECURITY DEFINER: the app role may not delete ballots). Row-level
-- security still applies with the caller's scope (the tables force it on their owner), so only the
-- organiser of a visible round can settle it; the caller must hold the round row locked (closing it).
-- Returns the number of ballots the round holds.
CREATE FUNCTION ballot_settle(p_round uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  v_count integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = p_round AND app_org_visible(r.org_path)) THEN
    RAISE EXCEPTION 'round % not in scope', p_round USING ERRCODE = '42501';
  END IF;
  WITH src AS MATERIALIZED (
    SELECT p.group_id, p.unit_id, p.cast_on, p.scores FROM ballot_pending p WHERE p.round_id = p_round
    UNION ALL
    SELECT b.group_id, b.unit_id, b.cast_on,
           (SELECT jsonb_agg(jsonb_build_object('target_id', s.target_id, 'points', to_jsonb(s.points), 'total', s.total))
              FROM ballot_scores s WHERE s.ballot_id = b.id)
      FROM ballots b WHERE b.round_id = p_round
  ), fresh AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, src.* FROM src
  ), gone_ballots AS (
    DELETE FROM ballots WHERE round_id = p_round
  ), gone_pending AS (
    DELETE FROM ballot_pending WHERE round_id = p_round
  ), new_ballots AS (
    INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
    SELECT f.id, p_round, f.group_id, f.unit_id, f.cast_on FROM fresh f ORDER BY f.id
  )
  INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
  SELECT f.id, p_round, f.group_id, s.target_id, ARRAY(SELECT jsonb_array_elements_text(s.points)::int), s.total
    FROM fresh f CROSS JOIN LATERAL jsonb_to_recordset(coalesce(f.scores, '[]')) AS s(target_id uuid, points jsonb, total int)
   ORDER BY f.id, s.target_id;
  SELECT count(*)::int INTO v_count FROM ballots WHERE round_id = p_round;
  RETURN v_count;
END $$;
REVOKE ALL ON FUNCTION ballot_settle(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ballot_settle(uuid) TO ganbu_app;
