-- The grade ballot (一票一档, issue 10 §1): a rater taps one vote grade (优秀 / 称职 / 基本称职 / 不称职 …)
-- per target. A grade ballot is stored exactly as a score ballot is (0005, 0010; SECURITY 20, 21, 30):
-- its row in `ballots` (no slip, no account, no address, the day only, a random id), one row per target in
-- `ballot_grades` beside `ballot_scores`; while the round is open it waits in `ballot_pending` (the slip's
-- transaction id), and the close moves it under a fresh random id in random order with every other ballot
-- of the round. Which form a round takes is its scheme's `ballotForm`; the server checks a grade against
-- the round's own copy of the pack's vote grades before casting.

-- a pooled grade ballot: [{"target_id": uuid, "grade": code}, …] (its `scores` is '[]'); null for scores
ALTER TABLE ballot_pending ADD COLUMN grades jsonb;

-- One row per ballot and target: the vote grade's code (the pack's `gradeVote.grades[].code`).
CREATE TABLE ballot_grades (
  ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
  round_id uuid NOT NULL,
  group_id text NOT NULL,
  target_id uuid NOT NULL REFERENCES assessment_targets(id) ON DELETE CASCADE,
  grade text NOT NULL CHECK (grade ~ '^[a-z][a-z0-9-]{0,31}$'),
  PRIMARY KEY (ballot_id, target_id)
);
CREATE INDEX ballot_grades_round_target ON ballot_grades (round_id, target_id, group_id);
CALL app_rls_child_of('ballot_grades', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path');
GRANT SELECT, INSERT ON ballot_grades TO ganbu_app;

-- The slip also tells its round's ballot form and vote grades (the public route checks a grade ballot).
CREATE OR REPLACE FUNCTION ballot_slip(p_token_hash text) RETURNS jsonb
  LANGUAGE plpgsql
AS $$
DECLARE
  v_saved text[] := app_enter_system();
  v_slip jsonb;
BEGIN
  SELECT jsonb_build_object(
    'state', t.state, 'roundState', r.state, 'criteria', r.rules -> 'scheme' -> 'criteria',
    'ballotForm', coalesce(r.rules -> 'scheme' ->> 'ballotForm', 'scores'),
    'gradeVote', r.rules -> 'scheme' -> 'gradeVote',
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

-- Cast a checked grade ballot: as `ballot_cast` (0010), the pooled row carrying the grades.
CREATE FUNCTION ballot_cast_grades(p_token_hash text, p_day date, p_grades jsonb) RETURNS text
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
      UPDATE ballot_tokens SET state = 'used' WHERE token_hash = p_token_hash AND state = 'issued';
      IF NOT FOUND THEN
        v_result := 'used';
      ELSE
        INSERT INTO ballot_pending (round_id, group_id, unit_id, cast_on, scores, grades)
        VALUES (v_token.round_id, v_token.group_id, v_token.unit_id, p_day, '[]', p_grades);
      END IF;
    END IF;
  END IF;
  PERFORM app_leave_system(v_saved);
  RETURN v_result;
END $$;

-- Close a round's ballot box (0010), grade ballots included: every ballot of the round, pooled or stored,
-- rewritten under a fresh random id in random order with its scores and its grades.
CREATE OR REPLACE FUNCTION ballot_settle(p_round uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  v_count integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = p_round AND app_org_visible(r.org_path)) THEN
    RAISE EXCEPTION 'round % not in scope', p_round USING ERRCODE = '42501';
  END IF;
  WITH src AS MATERIALIZED (
    SELECT p.group_id, p.unit_id, p.cast_on, p.scores, p.grades FROM ballot_pending p WHERE p.round_id = p_round
    UNION ALL
    SELECT b.group_id, b.unit_id, b.cast_on,
           (SELECT jsonb_agg(jsonb_build_object('target_id', s.target_id, 'points', to_jsonb(s.points), 'total', s.total))
              FROM ballot_scores s WHERE s.ballot_id = b.id),
           (SELECT jsonb_agg(jsonb_build_object('target_id', g.target_id, 'grade', g.grade))
              FROM ballot_grades g WHERE g.ballot_id = b.id)
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
  ), new_grades AS (
    INSERT INTO ballot_grades (ballot_id, round_id, group_id, target_id, grade)
    SELECT f.id, p_round, f.group_id, g.target_id, g.grade
      FROM fresh f CROSS JOIN LATERAL jsonb_to_recordset(coalesce(f.grades, '[]')) AS g(target_id uuid, grade text)
     ORDER BY f.id, g.target_id
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
