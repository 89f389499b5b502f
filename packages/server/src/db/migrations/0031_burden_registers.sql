-- 减负松绑 registers (issue 16, R-BUR-3, R-BUR-4, R-BUR-6): meetings (会议), documents (文件), inspections,
-- checks and appraisals (督查检查考核) and overtime (加班), one table with a column per register's field (null
-- where it does not apply). An entry belongs to its organiser's / issuer's unit (overtime: the cadre's unit
-- when registered): visible and writable in that unit's subtree; a meeting's attendee units and an
-- inspection's target units (target_org_ids) see it too (read only: the service edits and deletes only rows
-- whose own org_path is in scope). Ids, not paths, name the targets, so a unit's move leaves them right.
CREATE TABLE burden_register_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  register text NOT NULL CHECK (register IN ('meeting', 'document', 'inspection', 'overtime')),
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- the organiser's name as registered (a target unit reads the entry without seeing the organiser's unit)
  org_name text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- held / issued / start / first day; the end of an inspection or an overtime period
  on_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= on_date),
  kind_id text,
  kind_name text,
  level text NOT NULL DEFAULT '' CHECK (length(level) <= 20),
  -- the title, or the overtime's reason
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  minutes integer CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
  video boolean,
  doc_number text CHECK (doc_number IS NULL OR length(doc_number) <= 60),
  target_org_ids uuid[] NOT NULL DEFAULT '{}',
  veto boolean NOT NULL DEFAULT false,
  over_plan_ref text CHECK (over_plan_ref IS NULL OR length(over_plan_ref) <= 60),
  over_plan_on date,
  veto_ref text CHECK (veto_ref IS NULL OR length(veto_ref) <= 60),
  veto_on date,
  -- why an inspection was accepted (the plan's count, the approvals): the rule's sentence when registered
  explanation text NOT NULL DEFAULT '',
  cadre_id uuid REFERENCES cadres(id),
  times integer CHECK (times IS NULL OR times BETWEEN 1 AND 366),
  hours numeric(7, 1) CHECK (hours IS NULL OR hours >= 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT burden_register_entries_shape CHECK (
    CASE register
      WHEN 'meeting' THEN kind_id IS NOT NULL AND minutes IS NOT NULL AND video IS NOT NULL
      WHEN 'document' THEN kind_id IS NOT NULL AND doc_number IS NOT NULL
      WHEN 'inspection' THEN kind_id IS NOT NULL AND cardinality(target_org_ids) > 0
      WHEN 'overtime' THEN cadre_id IS NOT NULL AND times IS NOT NULL AND hours IS NOT NULL
    END)
);
CREATE INDEX burden_register_entries_path ON burden_register_entries USING gist (org_path);
CREATE INDEX burden_register_entries_year ON burden_register_entries (register, year, on_date);
CREATE INDEX burden_register_entries_targets ON burden_register_entries USING gin (target_org_ids);
CREATE INDEX burden_register_entries_cadre ON burden_register_entries (cadre_id, on_date) WHERE cadre_id IS NOT NULL;

CALL app_rls_org_subtree('burden_register_entries', 'org_path', also_visible =>
  'EXISTS (SELECT 1 FROM orgs o WHERE o.id = ANY (burden_register_entries.target_org_ids))');

-- UPDATE for edits and because a unit's move rewrites every org_path (org module, rewriteSubtreePaths)
GRANT SELECT, INSERT, UPDATE, DELETE ON burden_register_entries TO ganbu_app;
