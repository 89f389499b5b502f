-- 选拔任用与结构 (issue 14, R-SEL-1…6): facts the structure indicators count, selection processes with their
-- candidates, step results, public notices (公示) and objections, pools (后备干部 / 年轻干部库) with their
-- scheduled reviews, post-appointment reviews, measures for unfit cadres, exchanges and secondments.

-- ---------------------------------------------------------------- facts the indicators count
-- 单位标签 (`professional`: 专业部门, Wenzhou's indicator), kept on the unit
ALTER TABLE orgs ADD COLUMN tags text[] NOT NULL DEFAULT '{}';

-- the current post (the open appointment latest started): its 职务类别 and whether it is a leadership post,
-- derived by core like the other fact_ columns and written with the record
ALTER TABLE cadres
  ADD COLUMN fact_current_role_kind text,
  ADD COLUMN fact_current_leadership boolean NOT NULL DEFAULT false;

UPDATE cadres c SET fact_current_role_kind = cur.role_kind, fact_current_leadership = cur.is_leadership
  FROM (SELECT DISTINCT ON (cadre_id) cadre_id, role_kind, is_leadership
          FROM cadre_appointments WHERE end_date IS NULL
         ORDER BY cadre_id, start_date DESC, seq DESC) cur
 WHERE cur.cadre_id = c.id;

-- ---------------------------------------------------------------- selection processes (R-SEL-2)
CREATE TABLE selection_processes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit whose post is filled (the process is seen in its subtree and by those above)
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  -- the pack's process kind, copied when the process opens (it finishes under the rules it started with)
  pack_id text NOT NULL,
  pack_effective_from date NOT NULL,
  kind_id text NOT NULL,
  kind jsonb NOT NULL,
  -- the post: 职务 as written, 职级, 职务类别, leadership (what the appointment writes into the registry)
  post_title text NOT NULL CHECK (length(post_title) BETWEEN 1 AND 100),
  post_rank text NOT NULL DEFAULT '' CHECK (length(post_rank) <= 30),
  post_role_kind text NOT NULL DEFAULT 'team_member',
  post_is_leadership boolean NOT NULL DEFAULT true,
  positions integer NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 50),
  case_id uuid REFERENCES cases(id),
  -- open while the case is; done once the appointment is written
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'rejected', 'withdrawn')),
  appointed_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_processes_path ON selection_processes USING gist (org_path);
CREATE INDEX selection_processes_case ON selection_processes (case_id);

CREATE TABLE selection_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  process_id uuid NOT NULL REFERENCES selection_processes(id) ON DELETE CASCADE,
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  sort_order integer NOT NULL DEFAULT 0,
  -- the eligibility answer (engine, purpose promotion) on entry, with its reasons
  eligibility jsonb NOT NULL,
  -- in: still a candidate; out: left at a step (reason); chosen: decided; appointed: written to the registry
  status text NOT NULL DEFAULT 'in' CHECK (status IN ('in', 'out', 'chosen', 'appointed')),
  out_step text,
  out_reason text NOT NULL DEFAULT '' CHECK (length(out_reason) <= 300),
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (process_id, cadre_id)
);
CREATE INDEX selection_candidates_cadre ON selection_candidates (cadre_id);

-- what a step recorded for a candidate: votes (推荐), a score (测试), passed and the finding (联审 / 考察)
CREATE TABLE selection_step_results (
  process_id uuid NOT NULL REFERENCES selection_processes(id) ON DELETE CASCADE,
  step_id text NOT NULL,
  candidate_id uuid NOT NULL REFERENCES selection_candidates(id) ON DELETE CASCADE,
  votes_for integer CHECK (votes_for >= 0),
  votes_against integer CHECK (votes_against >= 0),
  votes_abstain integer CHECK (votes_abstain >= 0),
  score numeric(7, 2),
  passed boolean,
  finding text NOT NULL DEFAULT '' CHECK (length(finding) <= 1000),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (process_id, step_id, candidate_id)
);

-- 公示: runs from `start_on` for `working_days` working days, ending on `end_on` (the calendar's answer)
CREATE TABLE selection_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  process_id uuid NOT NULL REFERENCES selection_processes(id) ON DELETE CASCADE,
  step_id text NOT NULL,
  start_on date NOT NULL,
  working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  end_on date NOT NULL CHECK (end_on >= start_on),
  -- how to reach the department during the notice (受理电话、地址), printed on the notice
  contact text NOT NULL DEFAULT '' CHECK (length(contact) <= 300),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (process_id, step_id)
);

-- 反映问题 received during a notice, and their handling
CREATE TABLE selection_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notice_id uuid NOT NULL REFERENCES selection_notices(id) ON DELETE CASCADE,
  candidate_id uuid REFERENCES selection_candidates(id),
  received_on date NOT NULL,
  -- how it came (来信, 来电, 来访, 网络) and what it says
  channel text NOT NULL DEFAULT '' CHECK (length(channel) <= 20),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
  -- open until handled; the finding: unfounded 不属实 / partly 部分属实 / founded 属实
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  finding text CHECK (finding IN ('unfounded', 'partly', 'founded')),
  handling text NOT NULL DEFAULT '' CHECK (length(handling) <= 1000),
  closed_on date,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT selection_objections_closed CHECK (status = 'open' OR (finding IS NOT NULL AND closed_on IS NOT NULL))
);
CREATE INDEX selection_objections_notice ON selection_objections (notice_id);

-- ---------------------------------------------------------------- after appointment (R-SEL-3)
-- 回头看 / 任职后评估, scheduled when a process writes an appointment (or by hand for one made elsewhere)
CREATE TABLE selection_post_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_path ltree NOT NULL,
  process_id uuid REFERENCES selection_processes(id),
  post_title text NOT NULL CHECK (length(post_title) BETWEEN 1 AND 200),
  appointed_on date NOT NULL,
  due_on date NOT NULL,
  -- the assessment round that ran it (the pack's post-appointment scheme), when one was created
  round_id uuid,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done')),
  -- fit 胜任 / basically_fit 基本胜任 / unfit 不胜任
  outcome text CHECK (outcome IN ('fit', 'basically_fit', 'unfit')),
  outcome_note text NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 1000),
  decided_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT selection_post_reviews_done CHECK (status = 'scheduled' OR (outcome IS NOT NULL AND decided_on IS NOT NULL))
);
CREATE INDEX selection_post_reviews_cadre ON selection_post_reviews (cadre_id);
CREATE INDEX selection_post_reviews_due ON selection_post_reviews (due_on) WHERE status = 'scheduled';

-- 不胜任: 召回管理 / 回炉锻造 / 二次择岗 with their term and result
CREATE TABLE selection_unfit_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_path ltree NOT NULL,
  post_review_id uuid REFERENCES selection_post_reviews(id),
  measure_id text NOT NULL,
  measure_name text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  start_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on >= start_on),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  result text NOT NULL DEFAULT '' CHECK (length(result) <= 1000),
  closed_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_unfit_measures_cadre ON selection_unfit_measures (cadre_id);

-- ---------------------------------------------------------------- exchanges and secondments (R-SEL-6)
CREATE TABLE selection_exchanges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- the cadre's unit when sent (home) and the host unit; either side's scope sees the posting
  home_org_id uuid NOT NULL REFERENCES orgs(id),
  home_path ltree NOT NULL,
  host_org_id uuid NOT NULL REFERENCES orgs(id),
  host_path ltree NOT NULL,
  kind_id text NOT NULL,
  kind_name text NOT NULL,
  moves_record boolean NOT NULL,
  batch_year integer NOT NULL CHECK (batch_year BETWEEN 2000 AND 2100),
  host_post text NOT NULL DEFAULT '' CHECK (length(host_post) <= 100),
  start_on date NOT NULL,
  end_on date NOT NULL CHECK (end_on >= start_on),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  outcome text NOT NULL DEFAULT '' CHECK (length(outcome) <= 1000),
  ended_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_exchanges_cadre ON selection_exchanges (cadre_id);

-- ---------------------------------------------------------------- pools (R-SEL-4)
CREATE TABLE pool_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_path ltree NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reserve', 'young')),
  level text NOT NULL CHECK (length(level) BETWEEN 1 AND 30),
  -- the unit the member is counted in against the level's quota (the village of a village reserve cadre)
  unit_org_id uuid NOT NULL REFERENCES orgs(id),
  unit_path ltree NOT NULL,
  entered_on date NOT NULL,
  entry_reason text NOT NULL CHECK (length(entry_reason) BETWEEN 1 AND 500),
  -- the conditions checked on entry, as core explained them
  entry_check jsonb NOT NULL DEFAULT '{}'::jsonb,
  left_on date,
  exit_reason text NOT NULL DEFAULT '' CHECK (length(exit_reason) <= 500),
  -- 表现突出: recommended as a 两委 candidate
  two_committees_candidate boolean NOT NULL DEFAULT false,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pool_members_left CHECK (left_on IS NULL OR (left_on >= entered_on AND length(exit_reason) > 0))
);
-- one active membership per cadre, kind and level
CREATE UNIQUE INDEX pool_members_active ON pool_members (cadre_id, kind, level) WHERE left_on IS NULL;
CREATE INDEX pool_members_unit ON pool_members (kind, unit_org_id) WHERE left_on IS NULL;

-- 一年一小考核，三年一大考核: the reviews due for a member, with their result
CREATE TABLE pool_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES pool_members(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
  due_on date NOT NULL,
  done_on date,
  result text NOT NULL DEFAULT '' CHECK (length(result) <= 500),
  -- the member stays in the pool after it (false: leaves, with the reason in the member's exit)
  keeps boolean,
  UNIQUE (member_id, name, due_on)
);

-- ---------------------------------------------------------------- row-level security (0015 helpers)
-- a process: the subtree of the unit whose post it fills (that unit's admin sees it, 组织部 above it)
CALL app_rls_org_subtree('selection_processes', 'org_path');
CALL app_rls_child_of('selection_candidates', '{process_id}', 'selection_processes');
CALL app_rls_child_of('selection_step_results', '{process_id}', 'selection_processes');
CALL app_rls_child_of('selection_notices', '{process_id}', 'selection_processes');
CALL app_rls_child_of('selection_objections', '{notice_id}', 'selection_notices');
-- a person's rows: the subtree of the cadre's unit, and 仅本人 their own
CALL app_rls_person('selection_post_reviews', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_person('selection_unfit_measures', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_person('selection_exchanges', 'home_path', 'cadre_id',
  also_visible => 'host_path <@ (SELECT app_scope_root())', write_check => 'subtree');
CALL app_rls_person('pool_members', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_child_of('pool_reviews', '{member_id}', 'pool_members');

GRANT SELECT, INSERT, UPDATE ON selection_processes, selection_candidates, selection_notices,
  selection_objections, selection_post_reviews, selection_unfit_measures, selection_exchanges, pool_members,
  pool_reviews TO ganbu_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON selection_step_results TO ganbu_app;
