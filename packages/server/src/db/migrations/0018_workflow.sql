-- Case workflow engine and the to-do inbox (issue 12 §4): cases (事项) that walk the steps of a kind copied
-- from the policy pack, their members (named persons, e.g. 联席会议成员), their append-only timeline, and
-- the reminders other modules post to an inbox (提醒).
--
-- Confidential matters (容错, 澄清) must not show to everyone whose scope covers the unit, so these rows are
-- scoped by a new named helper, app_rls_parties: a row is seen (and written) by
--   * a holder of one of the row's roles whose data scope covers the row's unit, or
--   * a person named on the row (the case's opener and members; a notice's recipients), or
--   * the cadre the row is about (a case's subject), or
--   * the 'system' context (seed, start-up tasks).
-- A street administrator whose scope covers the unit but who holds none of the row's roles sees nothing.

CREATE FUNCTION app_roles() RETURNS text[]
  LANGUAGE sql STABLE AS $$ SELECT string_to_array(coalesce(app_setting('app.roles'), ''), ',') $$;

CREATE PROCEDURE app_rls_parties(tbl regclass, path_col text, roles_col text, parties_col text,
                                 subject_col text DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_shape text := format(
    '(SELECT app_setting(''app.context'')) = ''system'''
    ' OR (%1$I <@ (SELECT app_scope_root())'
    ' AND ((SELECT app_scope_exact()) IS NULL OR %1$I = (SELECT app_scope_exact()))'
    ' AND %2$I && (SELECT app_roles()))'
    ' OR (SELECT app_user_id()) = ANY (%3$I)', path_col, roles_col, parties_col);
BEGIN
  IF subject_col IS NOT NULL THEN
    v_shape := v_shape || format(' OR %I = (SELECT app_setting(''app.cadre_id'')::uuid)', subject_col);
  END IF;
  CALL app_rls_make_policy(tbl, 'app_rls_parties', 'ALL', 'public', v_shape, v_shape,
    format('CALL app_rls_parties(%L, %L, %L, %L, %L)', tbl, path_col, roles_col, parties_col, subject_col));
END $$;
REVOKE ALL ON PROCEDURE app_rls_parties FROM PUBLIC;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,40}$'),
  -- the pack version the kind came from, and the kind itself: a case finishes under the rules it started with
  pack_id text NOT NULL,
  pack_effective_from date NOT NULL,
  definition jsonb NOT NULL,
  -- the case unit: role-based steps and readers are bounded by its subtree
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  subject_cadre_id uuid REFERENCES cadres(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status text NOT NULL CHECK (status IN ('open', 'done', 'rejected', 'withdrawn')),
  current_step text,
  -- the steps entered, oldest first (a `return` to the previous step goes back along it)
  trail text[] NOT NULL,
  step_since timestamptz NOT NULL,
  due_on date,
  -- where the case opens in the web app (the owning module's page); NULL: the generic case page
  link text CHECK (link ~ '^/'),
  opened_by uuid NOT NULL REFERENCES users(id),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  -- who besides the persons named on the case reads it (within the unit's subtree)
  reader_roles text[] NOT NULL,
  -- the persons named on the case: its opener and every member (kept with case_members, read by the policy)
  party_ids uuid[] NOT NULL,
  CONSTRAINT cases_step_while_open CHECK ((status = 'open') = (current_step IS NOT NULL)),
  CONSTRAINT cases_closed_at CHECK ((status = 'open') = (closed_at IS NULL)),
  CONSTRAINT cases_opener_is_party CHECK (opened_by = ANY (party_ids))
);
CREATE INDEX cases_path ON cases USING gist (org_path);
CREATE INDEX cases_open ON cases (kind, current_step) WHERE status = 'open';
CREATE INDEX cases_opened_by ON cases (opened_by, opened_at DESC);
CREATE INDEX cases_parties ON cases USING gin (party_ids);
CREATE INDEX cases_subject ON cases (subject_cadre_id) WHERE subject_cadre_id IS NOT NULL;

CREATE TABLE case_members (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  member_group text NOT NULL CHECK (member_group ~ '^[a-z][a-z0-9_]{0,40}$'),
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (case_id, member_group, user_id)
);
CREATE INDEX case_members_user ON case_members (user_id);

-- the timeline: append-only (the app may insert and read, never change or delete)
CREATE TABLE case_events (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  step text NOT NULL,
  action text NOT NULL CHECK (action IN ('open', 'submit', 'approve', 'return', 'reject', 'decide', 'withdraw', 'comment')),
  actor_id uuid REFERENCES users(id),
  -- kept as written: the actor may later be renamed or leave
  actor_name text NOT NULL,
  at timestamptz NOT NULL,
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  to_step text,
  to_status text NOT NULL CHECK (to_status IN ('open', 'done', 'rejected', 'withdrawn')),
  PRIMARY KEY (case_id, seq)
);

-- reminders posted by other modules: to named users and/or to the holders of roles whose scope covers the unit
CREATE TABLE inbox_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_path ltree NOT NULL,
  recipient_roles text[] NOT NULL DEFAULT '{}',
  recipient_ids uuid[] NOT NULL DEFAULT '{}',
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,60}$'),
  kind_name text NOT NULL CHECK (length(kind_name) BETWEEN 1 AND 30),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  link text NOT NULL CHECK (link ~ '^/'),
  due_on date,
  -- posting twice with the same key changes nothing (idempotent); resolving by key closes it
  source_key text NOT NULL UNIQUE CHECK (length(source_key) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  CONSTRAINT inbox_notices_has_recipient CHECK (cardinality(recipient_roles) + cardinality(recipient_ids) > 0)
);
CREATE INDEX inbox_notices_path ON inbox_notices USING gist (org_path);
CREATE INDEX inbox_notices_open ON inbox_notices (created_at) WHERE resolved_at IS NULL;

CALL app_rls_parties('cases', 'org_path', 'reader_roles', 'party_ids', 'subject_cadre_id');
CALL app_rls_child_of('case_members', '{case_id}', 'cases');
CALL app_rls_child_of('case_events', '{case_id}', 'cases');
CALL app_rls_parties('inbox_notices', 'org_path', 'recipient_roles', 'recipient_ids');

GRANT SELECT, INSERT, UPDATE ON cases, inbox_notices TO ganbu_app;
GRANT SELECT, INSERT ON case_members, case_events TO ganbu_app;
