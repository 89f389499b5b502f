-- 关心关爱 · 体检与心理支持 (issue 15, R-CARE-1): health checks per cadre and year, the district's care
-- officers (关爱专员), and mental-health support requests seen only by the named officer and the cadre.
--
-- No medical result is stored anywhere: a check is only its plan, year, day done and whether a follow-up is
-- needed (with a note of WHAT follow-up, e.g. 复查 — never a finding).

-- one row per cadre, plan of the pack (care.healthChecks[].id) and year: the check was done on done_on
CREATE TABLE care_health_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- the cadre's unit when recorded (row-level security; coverage counts by the cadre's current unit)
  org_path ltree NOT NULL,
  plan_id text NOT NULL CHECK (plan_id ~ '^[a-z][a-z0-9_]{0,40}$'),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  done_on date NOT NULL,
  follow_up boolean NOT NULL DEFAULT false,
  follow_up_note text NOT NULL DEFAULT '' CHECK (length(follow_up_note) <= 200),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  CONSTRAINT care_health_checks_year CHECK (extract(year FROM done_on)::int = year),
  CONSTRAINT care_health_checks_note CHECK (follow_up OR follow_up_note = ''),
  UNIQUE (cadre_id, plan_id, year)
);
CREATE INDEX care_health_checks_year ON care_health_checks (year, plan_id);

-- 关爱专员: users the organisation department designates to answer support requests
CREATE TABLE care_officers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  -- the name shown to a cadre choosing an officer (a cadre cannot read the users table)
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
  -- the unit that designated the officer (the district): 组织部 in scope manages the list
  org_path ltree NOT NULL,
  active boolean NOT NULL DEFAULT true,
  designated_by uuid REFERENCES users(id),
  designated_at timestamptz NOT NULL
);

-- 心理支持: a cadre's request, named to one officer; reader_roles stays empty (no role sees it by scope)
CREATE TABLE care_support_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- the cadre's name as filed (the officer reads the request, not the cadre's record)
  cadre_name text NOT NULL CHECK (length(cadre_name) BETWEEN 1 AND 60),
  org_path ltree NOT NULL,
  officer_user_id uuid NOT NULL REFERENCES users(id),
  reader_roles text[] NOT NULL DEFAULT '{}' CHECK (reader_roles = '{}'),
  -- the officer and the requesting account
  party_ids uuid[] NOT NULL,
  category text NOT NULL CHECK (category ~ '^[a-z][a-z_]{0,30}$'),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  status text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  answer text NOT NULL DEFAULT '' CHECK (length(answer) <= 2000),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  answered_at timestamptz,
  closed_at timestamptz,
  CONSTRAINT care_support_officer_named CHECK (officer_user_id = ANY (party_ids))
);
CREATE INDEX care_support_requests_officer ON care_support_requests (officer_user_id, created_at);
CREATE INDEX care_support_requests_cadre ON care_support_requests (cadre_id, created_at);

-- ---------------------------------------------------------------- row-level security (0015, 0018 helpers)
CALL app_rls_person('care_health_checks', 'org_path', 'cadre_id', write_check => 'subtree');
-- every signed-in user reads the officers' names (a cadre picks one); 组织部 in scope writes
CALL app_rls_org_subtree('care_officers', 'org_path', also_visible => 'active AND app_user_id() IS NOT NULL');
-- only the named officer and the cadre (and the system context): reader_roles is always empty
CALL app_rls_parties('care_support_requests', 'org_path', 'reader_roles', 'party_ids', 'cadre_id');

GRANT SELECT, INSERT, UPDATE, DELETE ON care_health_checks TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON care_officers, care_support_requests TO ganbu_app;
