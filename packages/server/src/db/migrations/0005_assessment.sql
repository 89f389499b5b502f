-- Policy packs and the assessment engine (R-ASM-1 … R-ASM-5, R-ASM-7).

-- ---------------------------------------------------------------- policy packs
-- Every version of every pack; the district's choice is the setting 'policy.pack'. Packs are the
-- district's published policy, not personal data: readable by every signed-in user, written by 组织部.
CREATE TABLE policy_packs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pack_id text NOT NULL CHECK (pack_id ~ '^[a-z][a-z0-9-]{1,40}$'),
  effective_from date NOT NULL,
  body jsonb NOT NULL,
  origin text NOT NULL CHECK (origin IN ('shipped', 'edited')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (pack_id, effective_from)
);
GRANT SELECT, INSERT, UPDATE ON policy_packs TO ganbu_app;

-- ---------------------------------------------------------------- rounds (考核轮次)
CREATE TABLE assessment_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the organising unit: the round is visible in its scope
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  pack_id text NOT NULL,
  -- the pack version in force on period_end; the scheme, grade scale and quota rule are copied so the
  -- round stays computable exactly as it was even after the pack is edited
  pack_effective_from date NOT NULL,
  scheme_id text NOT NULL,
  rules jsonb NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'open', 'closed', 'computed', 'published')),
  -- round-level figures of the last computation: quota groups and places, turnout per group
  summary jsonb,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_rounds_org_path ON assessment_rounds USING gist (org_path);

-- Targets: cadres or units. unit_* is the target's unit (a cadre's unit, or the unit itself).
CREATE TABLE assessment_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  cadre_id uuid REFERENCES cadres(id),
  unit_id uuid NOT NULL REFERENCES orgs(id),
  unit_path ltree NOT NULL,
  parent_unit_id uuid REFERENCES orgs(id),
  name text NOT NULL,
  post text NOT NULL DEFAULT '',
  -- 述职报告
  report text NOT NULL DEFAULT '' CHECK (length(report) <= 20000),
  sort_order integer NOT NULL DEFAULT 0,
  -- the computation's figures for this target, with their explanation (per-target rows so row-level
  -- security shows a unit its own results and a cadre their own, never the others')
  result jsonb,
  proposed_grade text,
  final_grade text,
  override_reason text,
  UNIQUE (round_id, cadre_id)
);
CREATE INDEX assessment_targets_round ON assessment_targets (round_id, sort_order);
CREATE UNIQUE INDEX assessment_targets_unit_once ON assessment_targets (round_id, unit_id) WHERE cadre_id IS NULL;

-- Waivers of a group's minimum for a target, with the reason (the round may then publish).
CREATE TABLE assessment_waivers (
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  target_id uuid NOT NULL REFERENCES assessment_targets(id) ON DELETE CASCADE,
  group_id text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (target_id, group_id)
);

-- The committee's grade changes (考核委员会调整), each with its reason; re-checked against the quota.
CREATE TABLE assessment_overrides (
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  target_id uuid PRIMARY KEY REFERENCES assessment_targets(id) ON DELETE CASCADE,
  grade text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  exception_approved boolean NOT NULL DEFAULT false,
  approval_ref text NOT NULL DEFAULT '',
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- ballot tokens (评议票)
-- Bearer slips: stored as a keyed hash only; nothing records who received which (SECURITY 20–24).
-- unit_id: the sub-population the slip rates (village X's representatives rate village X's leaders).
CREATE TABLE ballot_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  group_id text NOT NULL,
  unit_id uuid REFERENCES orgs(id),
  token_hash text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'issued' CHECK (state IN ('issued', 'used', 'revoked')),
  batch_id uuid NOT NULL
);
CREATE INDEX ballot_tokens_round ON ballot_tokens (round_id, group_id, state);

-- ---------------------------------------------------------------- ballots (选票)
-- No token, no account, no client address; the day only; a random id (SECURITY 21).
CREATE TABLE ballots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  group_id text NOT NULL,
  unit_id uuid REFERENCES orgs(id),
  cast_on date NOT NULL
);
CREATE INDEX ballots_round ON ballots (round_id, group_id);

-- One row per ballot and target: points per criterion in hundredths (scores have at most 2 decimals).
CREATE TABLE ballot_scores (
  ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
  round_id uuid NOT NULL,
  group_id text NOT NULL,
  target_id uuid NOT NULL REFERENCES assessment_targets(id) ON DELETE CASCADE,
  points integer[] NOT NULL,
  total integer NOT NULL CHECK (total BETWEEN 0 AND 10000),
  PRIMARY KEY (ballot_id, target_id)
);
CREATE INDEX ballot_scores_round_target ON ballot_scores (round_id, target_id, group_id);

-- ---------------------------------------------------------------- row-level security
-- Officers see rounds their scope covers and targets in their scope; a cadre (仅本人) sees their own
-- target row. Ballot data is read only through the round's organiser (its scope) and the public ballot
-- route, which runs in the 'system' context after checking the token.
ALTER TABLE assessment_rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_rounds FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_rounds_scope ON assessment_rounds
  USING (app_org_visible(org_path)
         OR EXISTS (SELECT 1 FROM assessment_targets t WHERE t.round_id = assessment_rounds.id))
  WITH CHECK (app_org_visible(org_path));

ALTER TABLE assessment_targets ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_targets FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_targets_scope ON assessment_targets
  USING (unit_path <@ (SELECT app_scope_root())
         AND ((SELECT app_scope_exact()) IS NULL OR unit_path = (SELECT app_scope_exact()))
         AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())))
  WITH CHECK (unit_path <@ (SELECT app_scope_root()));

ALTER TABLE assessment_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_overrides_scope ON assessment_overrides
  USING (EXISTS (SELECT 1 FROM assessment_targets t WHERE t.id = target_id))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_targets t WHERE t.id = target_id));

ALTER TABLE assessment_waivers ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_waivers FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_waivers_scope ON assessment_waivers
  USING (EXISTS (SELECT 1 FROM assessment_targets t WHERE t.id = target_id))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_targets t WHERE t.id = target_id));

-- tokens and ballots: only in the organiser's scope (or the system context of the ballot route)
ALTER TABLE ballot_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE ballot_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY ballot_tokens_scope ON ballot_tokens
  USING (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)));

ALTER TABLE ballots ENABLE ROW LEVEL SECURITY;
ALTER TABLE ballots FORCE ROW LEVEL SECURITY;
CREATE POLICY ballots_scope ON ballots
  USING (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)));

ALTER TABLE ballot_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE ballot_scores FORCE ROW LEVEL SECURITY;
CREATE POLICY ballot_scores_scope ON ballot_scores
  USING (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)));

GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_rounds, assessment_targets, assessment_waivers, assessment_overrides
  TO ganbu_app;
GRANT SELECT, INSERT, UPDATE ON ballot_tokens TO ganbu_app;
GRANT SELECT, INSERT ON ballots, ballot_scores TO ganbu_app;
