-- 减负松绑 and 力量保障 (issue 16, R-BUR-1/2/5): borrowings of grassroots cadres (借调), each cadre's
-- establishment unit (编制所在单位, 专编专用), and the village/community work list (村(社区)工作事务清单).

-- 专编专用: the unit whose establishment (编制) a cadre occupies, besides the unit they work in (org_id).
-- NULL: not recorded (the report then counts them on their working unit's establishment).
ALTER TABLE cadres ADD COLUMN establishment_org_id uuid REFERENCES orgs(id);
CREATE INDEX cadres_establishment_org ON cadres (establishment_org_id) WHERE establishment_org_id IS NOT NULL;

-- A request to borrow a cadre (借调): the lending unit (the street the cadre works in; its path scopes the
-- row, as the workflow case it goes through), the borrowing unit, the purpose and approval judged under the
-- pack's rule (copied with its explanation), the period, and the return. Seen, as its case, by the holders of
-- reader_roles whose scope covers the lending street and by the parties (the applicant): a street sees its
-- cadres lent out, the department what it asked for. case_status mirrors the case's outcome (handler).
CREATE TABLE burden_borrowings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- names as they were when asked: the borrowing side may not read the street's cadres and units
  cadre_name text NOT NULL,
  lender_name text NOT NULL,
  borrower_name text NOT NULL,
  lender_org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  borrower_org_id uuid NOT NULL REFERENCES orgs(id),
  purpose_id text NOT NULL CHECK (purpose_id ~ '^[a-z][a-z0-9_]{0,40}$'),
  purpose_name text NOT NULL,
  task text NOT NULL CHECK (length(task) BETWEEN 1 AND 500),
  from_on date NOT NULL,
  until_on date NOT NULL CHECK (until_on >= from_on),
  -- {by, byName, reference, date, fileId} when the purpose needs an approval on record
  approval jsonb,
  pack_id text NOT NULL,
  explanation text NOT NULL,
  -- NULL: the pack has no borrowing rule (recorded unchecked, in force at once)
  case_id uuid REFERENCES cases(id),
  case_status text NOT NULL DEFAULT 'open' CHECK (case_status IN ('open', 'done', 'rejected', 'withdrawn')),
  returned_on date CHECK (returned_on IS NULL OR returned_on >= from_on),
  reader_roles text[] NOT NULL,
  party_ids uuid[] NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT burden_borrowings_return CHECK (returned_on IS NULL OR case_status = 'done')
);
CREATE UNIQUE INDEX burden_borrowings_case ON burden_borrowings (case_id);
CREATE INDEX burden_borrowings_path ON burden_borrowings USING gist (org_path);
CREATE INDEX burden_borrowings_cadre ON burden_borrowings (cadre_id, from_on);

-- An item of the work list delegated to a unit (a street, village or community): the organiser
-- (a department, as written: a street cannot see the departments), basis, mode (the pack's 权随责走、费随事转 / 政府购买服务, NULL: neither), the money in fen
-- (funding or the service contract's amount) and contract, and whether it hands down the department's duty
-- under the name of 属地管理. unfunded: no mode or no amount (flagged, with the explanation).
CREATE TABLE burden_worklist_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  organiser_name text NOT NULL CHECK (length(organiser_name) BETWEEN 1 AND 100),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  basis text NOT NULL DEFAULT '' CHECK (length(basis) <= 500),
  mode_id text CHECK (mode_id IS NULL OR mode_id ~ '^[a-z][a-z0-9_]{0,40}$'),
  amount_fen bigint CHECK (amount_fen IS NULL OR amount_fen >= 0),
  contract text NOT NULL DEFAULT '' CHECK (length(contract) <= 200),
  local_management boolean NOT NULL DEFAULT false,
  unfunded boolean NOT NULL,
  explanation text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX burden_worklist_items_path ON burden_worklist_items USING gist (org_path);
CREATE INDEX burden_worklist_items_year ON burden_worklist_items (year, org_id);

CALL app_rls_parties('burden_borrowings', 'org_path', 'reader_roles', 'party_ids');
CALL app_rls_org_subtree('burden_worklist_items', 'org_path');

-- UPDATE: the case's outcome, the return, and a unit's move (it rewrites every org_path)
GRANT SELECT, INSERT, UPDATE ON burden_borrowings TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON burden_worklist_items TO ganbu_app;
