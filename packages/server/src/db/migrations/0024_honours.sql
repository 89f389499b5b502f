-- 精神激励 (issue 15, R-HON-1/2): commendation batches (表彰批次) of the district, nominations by units under
-- the pack's quotas, objections raised during the 公示, and the decision. A decided nomination is the cadre's
-- honour (state 'honoured'); the hero board reads those district-wide through one reviewed query of the
-- server (modules/honours/board/repository.ts: decided batches, honoured nominations, named columns only).

CREATE TABLE honour_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the district org the batch belongs to
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- the district's name (a street reads the batch but not the district's org row)
  org_name text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- the kind, copied from the pack (a batch is finished under the rules it started with)
  kind_id text NOT NULL,
  kind_name text NOT NULL,
  kind_rank integer NOT NULL,
  pack_id text NOT NULL,
  pack_effective_from date NOT NULL,
  pack_name text NOT NULL,
  -- the pack's quota rows of this kind, noticeWorkingDays, proposal rules of this kind, and the sources
  rules jsonb NOT NULL,
  notice_working_days integer NOT NULL CHECK (notice_working_days BETWEEN 1 AND 30),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'nominating', 'notice', 'decided', 'cancelled')),
  notice_start date,
  notice_end date,
  notice_explanation text,
  decided_on date,
  document_number text CHECK (length(document_number) BETWEEN 1 AND 60),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT honour_batches_notice CHECK (
    state IN ('draft', 'nominating', 'cancelled')
    OR (notice_start IS NOT NULL AND notice_end IS NOT NULL AND notice_end >= notice_start)),
  CONSTRAINT honour_batches_decided CHECK (
    state <> 'decided' OR (decided_on IS NOT NULL AND document_number IS NOT NULL AND decided_on > notice_end))
);
CREATE INDEX honour_batches_path ON honour_batches USING gist (org_path);
CREATE INDEX honour_batches_year ON honour_batches (year DESC, created_at DESC);

CREATE TABLE honour_nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES honour_batches(id),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- the cadre's unit when nominated (row-level security)
  unit_path ltree NOT NULL,
  -- the quota unit the nomination counts against (a unit directly under the district, or the district)
  quota_unit_id uuid NOT NULL REFERENCES orgs(id),
  -- as nominated: the name, quota unit's name and post (the notice and the board show them so)
  cadre_name text NOT NULL,
  unit_name text NOT NULL,
  post_title text NOT NULL DEFAULT '',
  deeds text NOT NULL DEFAULT '' CHECK (length(deeds) <= 2000),
  use_photo boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'nominated' CHECK (state IN ('nominated', 'withdrawn', 'removed', 'honoured')),
  -- the engine's answer (purpose honour) on the day of the nomination: rules only, no record facts
  eligibility_date date NOT NULL,
  eligibility_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  proposal_rule_id text,
  nominated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- one live nomination of a cadre per batch (a withdrawn one may be made again)
CREATE UNIQUE INDEX honour_nominations_once ON honour_nominations (batch_id, cadre_id) WHERE state <> 'withdrawn';
CREATE INDEX honour_nominations_batch ON honour_nominations (batch_id, quota_unit_id);
CREATE INDEX honour_nominations_cadre ON honour_nominations (cadre_id);

CREATE TABLE honour_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nomination_id uuid NOT NULL REFERENCES honour_nominations(id),
  batch_id uuid NOT NULL REFERENCES honour_batches(id),
  received_on date NOT NULL,
  content text NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'upheld', 'dismissed')),
  resolution text NOT NULL DEFAULT '' CHECK (length(resolution) <= 1000),
  resolved_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT honour_objections_resolved CHECK ((state = 'open') = (resolved_on IS NULL))
);
CREATE INDEX honour_objections_batch ON honour_objections (batch_id, state);

-- ---------------------------------------------------------------- row-level security (0015 / 0019 helpers)
-- A batch: written in the org subtree in scope (组织部 of the district); its header also read from below (a
-- street nominates into the district's batch) — the nominations it may see are narrowed by their own policy.
CALL app_rls_org_subtree('honour_batches', 'org_path', '(SELECT app_scope_root()) <@ org_path');
-- a nomination: the unit subtree in scope, and 仅本人 (a cadre) only their own
CALL app_rls_person('honour_nominations', 'unit_path', 'cadre_id', write_check => 'subtree');
-- objections of the 公示: 组织部 only (the content may name who objected)
CALL app_rls_confidential('honour_objections', '{nomination_id}', 'honour_nominations', '{orgdept}', '{orgdept}');

GRANT SELECT, INSERT, UPDATE ON honour_batches, honour_nominations, honour_objections TO ganbu_app;
