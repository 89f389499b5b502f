-- Named raters (实名评议): accounts a round's organiser assigns to a rater group. Each gets a slip like a
-- bearer's, handed over through their account instead of on paper; the ballot is stored exactly like a
-- bearer's — without the account (SECURITY 21). The code is kept encrypted so the rater can open it again.
CREATE TABLE named_raters (
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  -- the round's organising unit (copied: the policies below must not read assessment_rounds, whose own
  -- policy reads this table)
  round_org_path ltree NOT NULL,
  group_id text NOT NULL,
  unit_id uuid REFERENCES orgs(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL REFERENCES ballot_tokens(token_hash),
  code_enc text NOT NULL,
  PRIMARY KEY (round_id, group_id, user_id)
);
CREATE INDEX named_raters_user ON named_raters (user_id);

ALTER TABLE named_raters ENABLE ROW LEVEL SECURITY;
ALTER TABLE named_raters FORCE ROW LEVEL SECURITY;
-- the rater sees their own assignments; the organiser (scope over the round's unit) sees and makes them
CREATE POLICY named_raters_scope ON named_raters
  USING (user_id = app_user_id() OR app_org_visible(round_org_path))
  WITH CHECK (app_org_visible(round_org_path));
GRANT SELECT, INSERT ON named_raters TO ganbu_app;

-- a named rater sees the round they rate and their own slip (never the others')
DROP POLICY assessment_rounds_scope ON assessment_rounds;
CREATE POLICY assessment_rounds_scope ON assessment_rounds
  USING (app_org_visible(org_path)
         OR EXISTS (SELECT 1 FROM assessment_targets t WHERE t.round_id = assessment_rounds.id)
         OR EXISTS (SELECT 1 FROM named_raters n WHERE n.round_id = assessment_rounds.id AND n.user_id = app_user_id()))
  WITH CHECK (app_org_visible(org_path));

DROP POLICY ballot_tokens_scope ON ballot_tokens;
CREATE POLICY ballot_tokens_scope ON ballot_tokens
  USING (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path))
         OR EXISTS (SELECT 1 FROM named_raters n WHERE n.token_hash = ballot_tokens.token_hash
                      AND n.user_id = app_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.id = round_id AND app_org_visible(r.org_path)));
