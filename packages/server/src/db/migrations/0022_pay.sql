-- 经济激励 (issue 13, R-PAY-1…5): the district's pay tables and statistics, pay runs with their frozen
-- inputs, and the computed lines (one per person) with their explanations. Amounts are integer fen (bigint).

-- ---------------------------------------------------------------- district data
-- Base amounts the pack's policy is applied to, per year: 区直机关同职级基数 (rank-base, keyed by 职级),
-- 区直机关同等次绩效奖 (bonus-base, keyed by grade code), a village role's subsidy before the raise
-- (village-base, keyed by the pack's role id). Salary standards, not personal data.
CREATE TABLE pay_tables (
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('rank-base', 'bonus-base', 'village-base')),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
  label text NOT NULL DEFAULT '' CHECK (length(label) <= 40),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, kind, key)
);

-- Statistics a policy refers to (农民人均可支配收入 of a year …), with where the figure comes from.
CREATE TABLE pay_statistics (
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9-]{0,40}$'),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  value_fen bigint NOT NULL CHECK (value_fen >= 0),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, year)
);

-- ---------------------------------------------------------------- runs
CREATE TABLE pay_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit whose subtree is paid
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('street-uplift', 'performance-bonus', 'village-subsidy', 'reward-pool')),
  period text NOT NULL CHECK (period ~ '^(19|20)\d{2}$'),
  -- the pack version applied and its pay section, copied at creation: a run is recomputed under the rules it
  -- was made with even after the pack is edited
  pack_id text NOT NULL,
  pack_effective_from date NOT NULL,
  pack_name text NOT NULL,
  policy jsonb NOT NULL,
  -- the sources of the pack's numbers under /pay (explanations cite them)
  policy_sources jsonb NOT NULL DEFAULT '{}'::jsonb,
  budget_fen bigint CHECK (budget_fen >= 0),
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'computed', 'submitted', 'approved', 'paid')),
  -- the last computation's figures; steps: the run-level explanation (no personal data)
  total_fen bigint,
  line_count integer NOT NULL DEFAULT 0,
  steps jsonb NOT NULL DEFAULT '[]'::jsonb,
  computed_at timestamptz,
  computed_by uuid REFERENCES users(id),
  case_id uuid REFERENCES cases(id),
  paid_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pay_runs_computed CHECK (state = 'draft' OR (total_fen IS NOT NULL AND computed_at IS NOT NULL))
);
CREATE INDEX pay_runs_path ON pay_runs USING gist (org_path);
CREATE INDEX pay_runs_period ON pay_runs (period DESC, created_at DESC);

-- What a computation used and found, frozen (PayInputs of core `pay/`: people with grades, scores and
-- eligibility, tables, statistics, budget) and its per-person summary (unit totals, people left out with
-- why). Personal data: only readers whose scope covers the run's unit see it (not a street reading a
-- district run's header).
CREATE TABLE pay_run_frozen (
  run_id uuid PRIMARY KEY REFERENCES pay_runs(id) ON DELETE CASCADE,
  inputs jsonb NOT NULL,
  summary jsonb NOT NULL
);

CREATE TABLE pay_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES pay_runs(id) ON DELETE CASCADE,
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  unit_id uuid NOT NULL REFERENCES orgs(id),
  unit_path ltree NOT NULL,
  -- kept as computed (the name and unit on the day of the computation)
  name text NOT NULL,
  unit_name text NOT NULL,
  amount_fen bigint NOT NULL,
  base_fen bigint,
  explanation jsonb NOT NULL,
  sort_order integer NOT NULL,
  UNIQUE (run_id, cadre_id)
);
CREATE INDEX pay_lines_run ON pay_lines (run_id, sort_order);
CREATE INDEX pay_lines_cadre ON pay_lines (cadre_id);
-- no index on unit_path: lines are always read by run (or by cadre), and a GiST insert per line is the
-- dearest part of storing a 100,000-line run

-- ---------------------------------------------------------------- row-level security (0015 helpers)
-- Tables and statistics are district-wide salary standards: two reviewed special rules each (read by a
-- signed-in user or the system context; written by 组织部 or the system context, e.g. the demo seed).
CALL app_rls_special('pay_tables', 'pay_tables_read',
  'app_user_id() IS NOT NULL OR app_setting(''app.context'') = ''system''', NULL, 'SELECT');
CALL app_rls_special('pay_tables', 'pay_tables_write',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''');
CALL app_rls_special('pay_statistics', 'pay_statistics_read',
  'app_user_id() IS NOT NULL OR app_setting(''app.context'') = ''system''', NULL, 'SELECT');
CALL app_rls_special('pay_statistics', 'pay_statistics_write',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''');

-- A run: written in the org subtree in scope; its header also read from below (a street reads the district's
-- run that pays its cadres — the lines it may see are narrowed by their own policy).
CALL app_rls_org_subtree('pay_runs', 'org_path', '(SELECT app_scope_root()) <@ org_path');
-- the frozen inputs only where the run's own unit is in scope
CALL app_rls_child_of('pay_run_frozen', '{run_id}', 'pay_runs', parent_path_col => 'org_path');
-- a line: the unit subtree in scope, and 仅本人 (a cadre) only their own
CALL app_rls_person('pay_lines', 'unit_path', 'cadre_id', write_check => 'subtree');

GRANT SELECT, INSERT, UPDATE, DELETE ON pay_tables, pay_statistics TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON pay_runs TO ganbu_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON pay_run_frozen, pay_lines TO ganbu_app;
