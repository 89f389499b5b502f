-- The discipline module's additions to 0019 (issue 12 §1, §2): attachments of a record, the joint committee
-- of a tolerance case as accounts, and two dates of a case.

-- The 'system' context (seeding, factories; set only by the platform) sees every row, as app_org_visible
-- lets it: the confidential policies of 0019 ask for a role as well, which that context has none of.
CREATE OR REPLACE FUNCTION app_has_any_role(p text[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT app_setting('app.context') = 'system'
        OR string_to_array(coalesce(app_setting('app.roles'), ''), ',') && p $$;

-- when the matter of a tolerance case happened: "报备在先" needs the filing to precede it
ALTER TABLE tolerance_cases ADD COLUMN facts_on date;
-- 调查核实 completed on this day (the checklist answered and the notes written); the module refuses a decision
-- without it (a decision recorded otherwise — imported, or seeded — may lack it, so no constraint)
ALTER TABLE tolerance_cases ADD COLUMN investigated_on date;

-- the joint committee (联席会议) of a case: the accounts that may decide it. Seen by whoever sees the case.
CREATE TABLE tolerance_committee_members (
  tolerance_case_id uuid NOT NULL REFERENCES tolerance_cases(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  -- the member's name as shown when appointed
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  PRIMARY KEY (tolerance_case_id, user_id)
);
CREATE INDEX tolerance_committee_members_user ON tolerance_committee_members (user_id);
CALL app_rls_child_of('tolerance_committee_members', '{tolerance_case_id}', 'tolerance_cases');

-- scanned decisions and evidence of a record: PDF, JPEG or PNG (decided by content), seen with the record
CREATE TABLE discipline_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES discipline_records(id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0 AND size = octet_length(bytes)),
  bytes bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discipline_attachments_record ON discipline_attachments (record_id);
CALL app_rls_child_of('discipline_attachments', '{record_id}', 'discipline_records');

GRANT SELECT, INSERT, DELETE ON tolerance_committee_members TO ganbu_app;
GRANT SELECT, INSERT ON discipline_attachments TO ganbu_app;
