-- Strict management (从严管理, R-DIS-1), risk pre-filing (改革创新风险报备, R-TOL-1), tolerance cases (容错纠错,
-- R-TOL-2/3) and clarification (澄清保护, R-TOL-4). What a record does to eligibility, and for how long, is
-- pack data (the pack's `discipline` section); these tables hold only what happened.
--
-- Confidentiality (issue 12): these rows are read only by the roles that handle them (组织部 and the
-- discipline liaison 纪检联络) inside their org scope, by the cadre for their own outcomes, and by whoever
-- filed an application. A street admin whose subtree holds the cadre does NOT see them because the unit is
-- in scope. One more named helper makes that shape so the catalog test can replay it.

-- true when the session holds one of the roles
CREATE FUNCTION app_has_any_role(p text[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT string_to_array(coalesce(app_setting('app.roles'), ''), ',') && p $$;

-- A confidential row scoped through its parent (a cadre, a case): visible when the parent row is visible
-- under its own policy AND the reader holds one of reader_roles; written when the parent is visible and the
-- writer holds one of writer_roles. own_visible / also_visible widen reading only (the cadre's own
-- outcomes, the applicant's own application).
CREATE PROCEDURE app_rls_confidential(tbl regclass, fk_cols text[], parent_tbl regclass, reader_roles text[],
                                      writer_roles text[], own_visible text DEFAULT NULL,
                                      also_visible text DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_match text;
  v_parent text;
BEGIN
  IF coalesce(array_length(fk_cols, 1), 0) <> 1 THEN
    RAISE EXCEPTION 'app_rls_confidential: one foreign-key column to the parent''s id';
  END IF;
  IF coalesce(array_length(reader_roles, 1), 0) = 0 OR coalesce(array_length(writer_roles, 1), 0) = 0 THEN
    RAISE EXCEPTION 'app_rls_confidential: name the reader and the writer roles';
  END IF;
  v_match := format('parent.id = %s.%I', tbl, fk_cols[1]);
  v_parent := format('EXISTS (SELECT 1 FROM %s parent WHERE %s)', parent_tbl, v_match);
  CALL app_rls_make_policy(tbl, 'app_rls_confidential', 'ALL', 'public',
    app_rls_or(app_rls_or(format('%s AND app_has_any_role(%L::text[])', v_parent, reader_roles), own_visible),
               also_visible),
    format('%s AND app_has_any_role(%L::text[])', v_parent, writer_roles),
    format('CALL app_rls_confidential(%L, %L, %L, %L, %L, %L, %L)',
           tbl, fk_cols, parent_tbl, reader_roles, writer_roles, own_visible, also_visible));
END $$;
REVOKE ALL ON PROCEDURE app_rls_confidential FROM PUBLIC;

-- ---------------------------------------------------------------- records (从严管理记录)
CREATE TABLE discipline_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  -- a record kind of the pack's discipline section: reminder 提醒, inquiry 函询, admonishment 诫勉,
  -- org_handling 组织处理, party_discipline 党纪处分, government_sanction 政务处分 (a district may add kinds)
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,40}$'),
  -- the grade within the kind (党内警告 party_warning, 记过 demerit, 降职 demotion …); NULL where a kind has none
  grade text CHECK (grade ~ '^[a-z][a-z0-9_]{1,40}$'),
  facts text NOT NULL CHECK (length(facts) BETWEEN 1 AND 4000),
  -- the deciding body as written (区纪委, 区委组织部 …)
  decided_by text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 100),
  decided_on date NOT NULL,
  document_no text NOT NULL DEFAULT '' CHECK (length(document_no) <= 60),
  -- a decision annulled on review (撤销): kept, but no longer counts
  revoked_on date,
  revoked_reason text CHECK (revoked_reason IS NULL OR length(revoked_reason) BETWEEN 1 AND 500),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT discipline_records_revoked_with_reason CHECK ((revoked_on IS NULL) = (revoked_reason IS NULL)),
  CONSTRAINT discipline_records_revoked_after CHECK (revoked_on IS NULL OR revoked_on >= decided_on)
);
CREATE INDEX discipline_records_cadre ON discipline_records (cadre_id, decided_on);

-- ---------------------------------------------------------------- risk pre-filing (改革创新风险报备)
CREATE TABLE risk_filings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  project text NOT NULL CHECK (length(project) BETWEEN 1 AND 200),
  risks text NOT NULL CHECK (length(risks) BETWEEN 1 AND 4000),
  measures text NOT NULL CHECK (length(measures) BETWEEN 1 AND 4000),
  work_starts_on date NOT NULL,
  -- the server's date when the filing was made (never typed): "报备在先" compares it with work_starts_on
  filed_on date NOT NULL,
  filed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_filings_org ON risk_filings USING gist (org_path);

-- ---------------------------------------------------------------- tolerance cases (容错纠错)
CREATE TABLE tolerance_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  -- the workflow case that carries its steps (cases, migration 0018)
  case_id uuid,
  applied_by text NOT NULL CHECK (applied_by IN ('cadre', 'unit', 'ex_officio')),
  applied_on date NOT NULL,
  facts text NOT NULL CHECK (length(facts) BETWEEN 1 AND 4000),
  risk_filing_id uuid REFERENCES risk_filings(id),
  -- the statutory checklist (三个区分开来 …) as structured fields, validated by the core contract
  checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
  investigation text NOT NULL DEFAULT '' CHECK (length(investigation) <= 8000),
  -- the joint-committee decision (联席会议): 免责 exempt / 从轻 lighter / 减轻 mitigated / 不予容错 refused
  outcome text CHECK (outcome IN ('exempt', 'lighter', 'mitigated', 'refused')),
  decided_on date,
  decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 4000),
  decision_document_no text CHECK (decision_document_no IS NULL OR length(decision_document_no) BETWEEN 1 AND 60),
  -- the committee members as recorded in the decision (names as written)
  committee text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tolerance_cases_decision_complete CHECK (
    (outcome IS NULL AND decided_on IS NULL AND decision_reason IS NULL AND decision_document_no IS NULL)
    OR (outcome IS NOT NULL AND decided_on IS NOT NULL AND decision_reason IS NOT NULL
        AND decision_document_no IS NOT NULL))
);
CREATE INDEX tolerance_cases_cadre ON tolerance_cases (cadre_id);

-- the records a case concerns (the decision applies to these)
CREATE TABLE tolerance_case_records (
  tolerance_case_id uuid NOT NULL REFERENCES tolerance_cases(id) ON DELETE CASCADE,
  record_id uuid NOT NULL REFERENCES discipline_records(id) ON DELETE CASCADE,
  PRIMARY KEY (tolerance_case_id, record_id)
);
CREATE INDEX tolerance_case_records_record ON tolerance_case_records (record_id);

-- correction measures with deadlines (纠错措施) and follow-up visits (回访)
CREATE TABLE tolerance_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tolerance_case_id uuid NOT NULL REFERENCES tolerance_cases(id) ON DELETE CASCADE,
  measure text NOT NULL CHECK (length(measure) BETWEEN 1 AND 1000),
  due_on date NOT NULL,
  done_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tolerance_followups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tolerance_case_id uuid NOT NULL REFERENCES tolerance_cases(id) ON DELETE CASCADE,
  visited_on date NOT NULL,
  notes text NOT NULL CHECK (length(notes) BETWEEN 1 AND 4000),
  written_by uuid REFERENCES users(id),
  written_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- clarification (澄清保护)
CREATE TABLE clarifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  case_id uuid,
  received_on date NOT NULL,
  -- the channel as written (信访举报, 12380, 巡察移交 …)
  channel text NOT NULL CHECK (length(channel) BETWEEN 1 AND 50),
  allegation text NOT NULL CHECK (length(allegation) BETWEEN 1 AND 4000),
  verification text NOT NULL DEFAULT '' CHECK (length(verification) <= 8000),
  -- 属实 founded / 部分属实 partly_founded / 不实 unfounded / 诬告陷害 false_accusation
  conclusion text CHECK (conclusion IN ('founded', 'partly_founded', 'unfounded', 'false_accusation')),
  concluded_on date,
  document_no text CHECK (document_no IS NULL OR length(document_no) BETWEEN 1 AND 60),
  -- the clarification notice (澄清正名通报) for an unfounded report
  notice_issued_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT clarifications_concluded CHECK ((conclusion IS NULL) = (concluded_on IS NULL)),
  CONSTRAINT clarifications_notice_when_clear CHECK (
    notice_issued_on IS NULL OR conclusion IN ('unfounded', 'false_accusation'))
);
CREATE INDEX clarifications_cadre ON clarifications (cadre_id);

-- the accuser's side of a false accusation (诬告陷害), kept apart: discipline roles only
CREATE TABLE clarification_accusers (
  clarification_id uuid PRIMARY KEY REFERENCES clarifications(id) ON DELETE CASCADE,
  accuser text NOT NULL CHECK (length(accuser) BETWEEN 1 AND 200),
  handling text NOT NULL DEFAULT '' CHECK (length(handling) <= 4000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- row-level security
-- records: 组织部 and 纪检联络 read and write in scope; the cadre reads their own
CALL app_rls_confidential('discipline_records', '{cadre_id}', 'cadres', '{orgdept,discipline}',
  '{orgdept,discipline}', own_visible => 'cadre_id = (SELECT app_scope_self())');
-- risk filings are the unit's own paperwork: the org subtree, like a unit's rows
CALL app_rls_org_subtree('risk_filings', 'org_path');
-- tolerance cases: the cadre or the unit may apply (writer), and sees its own application
CALL app_rls_confidential('tolerance_cases', '{cadre_id}', 'cadres', '{orgdept,discipline}',
  '{orgdept,discipline,unit_admin,cadre}', own_visible => 'cadre_id = (SELECT app_scope_self())',
  also_visible => 'created_by = app_user_id()');
CALL app_rls_child_of('tolerance_case_records', '{tolerance_case_id}', 'tolerance_cases');
CALL app_rls_child_of('tolerance_measures', '{tolerance_case_id}', 'tolerance_cases');
CALL app_rls_child_of('tolerance_followups', '{tolerance_case_id}', 'tolerance_cases');
-- clarifications: the cadre reads their own once concluded
CALL app_rls_confidential('clarifications', '{cadre_id}', 'cadres', '{orgdept,discipline}',
  '{orgdept,discipline}', own_visible => 'cadre_id = (SELECT app_scope_self()) AND conclusion IS NOT NULL');
-- the accuser: the discipline liaison only
CALL app_rls_confidential('clarification_accusers', '{clarification_id}', 'clarifications', '{discipline}',
  '{discipline}');

GRANT SELECT, INSERT, UPDATE ON discipline_records, risk_filings, tolerance_cases, tolerance_measures,
  tolerance_followups, clarifications, clarification_accusers TO ganbu_app;
GRANT SELECT, INSERT, DELETE ON tolerance_case_records TO ganbu_app;
