-- 实战历练 (R-TRN-4) and 党员远程教育站点 (R-TRN-3), issue 15.
-- A practice posting is seen by whoever sees its cadre (child of cadres); selection's structure indicators
-- count cadres with postings (CadreCondition clause `practice`).
CREATE TABLE practice_postings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  -- the pack's practice kind id and its name as written (a later pack may rename or drop the kind)
  kind text NOT NULL,
  kind_name text NOT NULL,
  post text NOT NULL,
  -- the receiving unit when it is one of ours; its name kept as written (the reader may not see it)
  host_org_id uuid REFERENCES orgs(id),
  host_name text NOT NULL DEFAULT '',
  started_on date NOT NULL,
  ends_on date NOT NULL,
  outcome_rating text CHECK (outcome_rating IN ('excellent', 'good', 'pass', 'fail')),
  outcome_note text NOT NULL DEFAULT '',
  outcome_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT practice_postings_end_after_start CHECK (ends_on >= started_on),
  CONSTRAINT practice_postings_outcome_dated CHECK ((outcome_rating IS NULL) = (outcome_on IS NULL))
);
CREATE INDEX practice_postings_cadre ON practice_postings (cadre_id, started_on DESC);
CREATE INDEX practice_postings_kind ON practice_postings (kind, started_on);

-- A station unit's register entry (a unit of kind `station`): its manager (站点管理员, a cadre), address
-- and equipment notes. Seen by whoever sees the station unit.
CREATE TABLE station_profiles (
  org_id uuid PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
  manager_id uuid REFERENCES cadres(id) ON DELETE SET NULL,
  -- kept as written: the manager may be a cadre of a unit the reader's scope does not show
  manager_name text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  equipment text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A station's activities (组织收看学习): date, topic, attendees.
CREATE TABLE station_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  held_on date NOT NULL,
  topic text NOT NULL,
  attendees integer NOT NULL CHECK (attendees >= 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_activities_org ON station_activities (org_id, held_on DESC);

-- row-level security from the named helpers of migration 0015 (docs/ARCHITECTURE.md)
CALL app_rls_child_of('practice_postings', '{cadre_id}', 'cadres');
CALL app_rls_child_of('station_profiles', '{org_id}', 'orgs');
CALL app_rls_child_of('station_activities', '{org_id}', 'orgs');

GRANT SELECT, INSERT, UPDATE ON practice_postings, station_profiles, station_activities TO ganbu_app;
