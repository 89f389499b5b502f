-- 关心关爱 (issue 15, R-CARE-2/3): leave records (年休假, 疗休养, other leave) and hardship aid / families of
-- cadres who died on duty (困难帮扶, 因公殉职家属) with their benefits checklist and visits.

-- One leave of a cadre: annual leave counted in working days of the calendar, 疗休养 and other leave in
-- calendar days; counts_against_annual says whether the days come off the annual leave balance (the pack's
-- rule when it was recorded). Seen in the subtree of the cadre's unit and by the cadre (仅本人).
CREATE TABLE care_leave_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_path ltree NOT NULL,
  kind text NOT NULL CHECK (kind IN ('annual', 'recuperation', 'other')),
  start_on date NOT NULL,
  end_on date NOT NULL CHECK (end_on >= start_on AND extract(year FROM end_on) = extract(year FROM start_on)),
  days integer NOT NULL CHECK (days BETWEEN 0 AND 366),
  counts_against_annual boolean NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  explanation text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_leave_records_cadre ON care_leave_records (cadre_id, start_on);
CREATE INDEX care_leave_records_path ON care_leave_records USING gist (org_path);

-- A hardship aid or duty-death family case of a cadre: the pack's kind copied on opening (its checklist and
-- follow-up interval: a case runs under the rules it opened with), each checklist item's date and note in
-- `checklist`, the family's contact and situation encrypted (family_enc, as the registry's family).
CREATE TABLE care_aid_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  kind_id text NOT NULL,
  kind_name text NOT NULL,
  follow_up_every_months integer NOT NULL CHECK (follow_up_every_months BETWEEN 1 AND 24),
  -- [{id, name, doneOn, note}]
  checklist jsonb NOT NULL DEFAULT '[]'::jsonb,
  family_enc text NOT NULL,
  opened_on date NOT NULL,
  -- the next visit or follow-up while open (from the last visit, else the opening)
  next_due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  close_note text NOT NULL DEFAULT '' CHECK (length(close_note) <= 500),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT care_aid_cases_closed CHECK (status = 'open' OR closed_on IS NOT NULL)
);
CREATE INDEX care_aid_cases_path ON care_aid_cases USING gist (org_path);
CREATE INDEX care_aid_cases_due ON care_aid_cases (next_due_on) WHERE status = 'open';

-- A visit or follow-up (走访回访) of a case: when, who, what.
CREATE TABLE care_aid_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES care_aid_cases(id),
  visited_on date NOT NULL,
  visitors text NOT NULL CHECK (length(visitors) BETWEEN 1 AND 100),
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_aid_visits_case ON care_aid_visits (case_id, visited_on);

CALL app_rls_person('care_leave_records', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_person('care_aid_cases', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_child_of('care_aid_visits', '{case_id}', 'care_aid_cases');

-- UPDATE only because a unit's move rewrites every org_path (org module, rewriteSubtreePaths); the service
-- itself records and deletes leave, it never edits a record
GRANT SELECT, INSERT, UPDATE, DELETE ON care_leave_records TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON care_aid_cases TO ganbu_app;
GRANT SELECT, INSERT ON care_aid_visits TO ganbu_app;
