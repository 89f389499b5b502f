-- 精准激励 (issue 16, R-NEED-1/2): the needs survey, answered anonymously with one-time codes as the
-- assessment's ballots are (0005, 0010; SECURITY 20, 21, 30), and settled the same way at close.
--
-- A code is stored only as a keyed hash; nothing records who received which. An answer holds only the
-- respondent's self-reported bands, picks and overtime count: no code, no unit, no account, no client
-- address, no time at all. Answering marks the code used and puts the answer in a pending pool in one
-- statement (`needs_survey_cast`): one code, one answer, atomically. The pool row shares the code row's
-- transaction id (xmin) only while the survey is open: closing (`needs_survey_settle`) moves every answer
-- into `needs_answers` under fresh random ids, in random order, in the closing transaction, and empties
-- the pool. After close every answer of a survey carries the same xmin and no physical order.

CREATE TABLE needs_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the surveyed unit; its subtree is the population
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  opens_on date NOT NULL,
  closes_on date NOT NULL CHECK (closes_on >= opens_on),
  with_overtime boolean NOT NULL,
  -- the pack's needs section (and the overtime question) copied on opening: a survey runs under its rules
  rules jsonb NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  closed_on date,
  -- frozen at close: active cadres per breakdown and band ({"rank": {"section_up": 12, …}, …}), answers
  expected jsonb,
  answers integer,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT needs_surveys_closed CHECK (state = 'open' OR (closed_on IS NOT NULL AND expected IS NOT NULL))
);
CREATE INDEX needs_surveys_path ON needs_surveys USING gist (org_path);

-- One-time codes (调查码): a keyed hash only; unit_id: the unit whose cadres the batch was printed for.
CREATE TABLE needs_survey_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES needs_surveys(id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES orgs(id),
  token_hash text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'issued' CHECK (state IN ('issued', 'used', 'revoked')),
  batch_id uuid NOT NULL
);
CREATE INDEX needs_survey_codes_survey ON needs_survey_codes (survey_id, state);

-- The pending pool: answers of an open survey (written only through needs_survey_cast).
CREATE TABLE needs_answers_pending (
  survey_id uuid NOT NULL REFERENCES needs_surveys(id) ON DELETE CASCADE,
  -- {"rank": band, "post": band, "education": band, "picks": [kind…], "overtime": n | null}
  answer jsonb NOT NULL
-- dead rows (moved answers) are vacuumed away at the next autovacuum pass
) WITH (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
CREATE INDEX needs_answers_pending_survey ON needs_answers_pending (survey_id);

-- Settled answers (written only by needs_survey_settle): a random id, the bands, the picks in order.
CREATE TABLE needs_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES needs_surveys(id) ON DELETE CASCADE,
  rank_band text NOT NULL,
  post_band text NOT NULL,
  education_band text NOT NULL,
  picks text[] NOT NULL,
  overtime integer CHECK (overtime BETWEEN 0 AND 500)
);
CREATE INDEX needs_answers_survey ON needs_answers (survey_id);

CALL app_rls_org_subtree('needs_surveys', 'org_path');
CALL app_rls_child_of('needs_survey_codes', '{survey_id}', 'needs_surveys', parent_path_col => 'org_path');
CALL app_rls_child_of('needs_answers_pending', '{survey_id}', 'needs_surveys', parent_path_col => 'org_path');
CALL app_rls_child_of('needs_answers', '{survey_id}', 'needs_surveys', parent_path_col => 'org_path');

-- UPDATE on surveys: closing, and a unit's move rewrites every org_path (org module, rewriteSubtreePaths)
GRANT SELECT, INSERT, UPDATE ON needs_surveys TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON needs_survey_codes TO ganbu_app;
-- counted while open; written only through needs_survey_cast; moved only by needs_survey_settle
GRANT SELECT, INSERT ON needs_answers_pending TO ganbu_app;
-- written only by needs_survey_settle (the app role may neither write nor delete an answer)
GRANT SELECT ON needs_answers TO ganbu_app;

-- The code behind a keyed hash, for the public answer page: no session, no scope, one statement.
CREATE FUNCTION needs_survey_slip(p_token_hash text) RETURNS jsonb
  LANGUAGE plpgsql
AS $$
DECLARE
  v_saved text[] := app_enter_system();
  v_slip jsonb;
BEGIN
  SELECT jsonb_build_object('state', c.state, 'surveyState', s.state, 'title', s.title,
                            'opensOn', s.opens_on, 'closesOn', s.closes_on, 'rules', s.rules)
    FROM needs_survey_codes c JOIN needs_surveys s ON s.id = c.survey_id
   WHERE c.token_hash = p_token_hash
    INTO v_slip;
  PERFORM app_leave_system(v_saved);
  RETURN v_slip;
END $$;

-- Answer with a checked answer: 'ok', 'invalid' (no such code, or revoked), 'used', or 'state:<why>'
-- ('closed', 'notStarted', 'ended'). The survey row is share-locked until the answer is in the pool, so a
-- concurrent close either waits for this answer (and moves it) or is seen here as closed.
CREATE FUNCTION needs_survey_cast(p_token_hash text, p_day date, p_answer jsonb) RETURNS text
  LANGUAGE plpgsql
AS $$
DECLARE
  v_saved text[] := app_enter_system();
  v_code needs_survey_codes;
  v_survey needs_surveys;
  v_result text := 'ok';
BEGIN
  SELECT * INTO v_code FROM needs_survey_codes WHERE token_hash = p_token_hash;
  IF NOT FOUND OR v_code.state = 'revoked' THEN
    v_result := 'invalid';
  ELSIF v_code.state = 'used' THEN
    v_result := 'used';
  ELSE
    SELECT * INTO v_survey FROM needs_surveys WHERE id = v_code.survey_id FOR SHARE;
    IF v_survey.state IS DISTINCT FROM 'open' THEN
      v_result := 'state:closed';
    ELSIF p_day < v_survey.opens_on THEN
      v_result := 'state:notStarted';
    ELSIF p_day > v_survey.closes_on THEN
      v_result := 'state:ended';
    ELSE
      -- of concurrent answers with one code, the row lock lets exactly one flip 'issued' → 'used'
      UPDATE needs_survey_codes SET state = 'used' WHERE token_hash = p_token_hash AND state = 'issued';
      IF NOT FOUND THEN
        v_result := 'used';
      ELSE
        INSERT INTO needs_answers_pending (survey_id, answer) VALUES (v_code.survey_id, p_answer);
      END IF;
    END IF;
  END IF;
  PERFORM app_leave_system(v_saved);
  RETURN v_result;
END $$;

-- Close a survey's pool (reviewed SECURITY DEFINER: the app role may not write or delete answers). Row-level
-- security still applies with the caller's scope (the tables force it on their owner), so only a reader of
-- a visible survey can settle it; the caller must hold the survey row locked (closing it). Returns the
-- number of answers the survey holds.
CREATE FUNCTION needs_survey_settle(p_survey uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  v_count integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM needs_surveys s WHERE s.id = p_survey AND app_org_visible(s.org_path)) THEN
    RAISE EXCEPTION 'survey % not in scope', p_survey USING ERRCODE = '42501';
  END IF;
  WITH src AS MATERIALIZED (
    SELECT p.answer ->> 'rank' AS rank_band, p.answer ->> 'post' AS post_band,
           p.answer ->> 'education' AS education_band,
           ARRAY(SELECT jsonb_array_elements_text(p.answer -> 'picks')) AS picks,
           (p.answer ->> 'overtime')::int AS overtime
      FROM needs_answers_pending p WHERE p.survey_id = p_survey
    UNION ALL
    SELECT a.rank_band, a.post_band, a.education_band, a.picks, a.overtime
      FROM needs_answers a WHERE a.survey_id = p_survey
  ), fresh AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, src.* FROM src
  ), gone_answers AS (
    DELETE FROM needs_answers WHERE survey_id = p_survey
  ), gone_pending AS (
    DELETE FROM needs_answers_pending WHERE survey_id = p_survey
  )
  INSERT INTO needs_answers (id, survey_id, rank_band, post_band, education_band, picks, overtime)
  SELECT f.id, p_survey, f.rank_band, f.post_band, f.education_band, f.picks, f.overtime FROM fresh f ORDER BY f.id;
  SELECT count(*)::int INTO v_count FROM needs_answers WHERE survey_id = p_survey;
  RETURN v_count;
END $$;
REVOKE ALL ON FUNCTION needs_survey_settle(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION needs_survey_settle(uuid) TO ganbu_app;
