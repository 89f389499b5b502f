-- SECURITY 31: complementary suppression. Two results of one round compared over a reopen give the new
-- ballots by difference (4 × mean₂ − 3 × mean₁), so once scores have left the database — a compute, or the
-- anonymous ballot export — a round is never reopened. The flag records that moment.
ALTER TABLE assessment_rounds ADD COLUMN scores_disclosed boolean NOT NULL DEFAULT false;

-- Rows are under FORCE ROW LEVEL SECURITY for the owner too: see every round for this transaction only.
SELECT set_config('app.scope_mode', 'all', true);

-- A round computed before (its summary is written by every compute) has disclosed its scores.
UPDATE assessment_rounds SET scores_disclosed = true
 WHERE summary IS NOT NULL OR state IN ('computed', 'published');

-- The pack schema's minimum group size shown is now 3: a district's own versions and the rules copied into
-- rounds that said 1 or 2 say 3 (the server reads older values as 3 anyway).
UPDATE policy_packs SET body = jsonb_set(body, '{assessment,minGroupSizeShown}', '3')
 WHERE jsonb_typeof(body #> '{assessment,minGroupSizeShown}') = 'number'
   AND (body #>> '{assessment,minGroupSizeShown}')::numeric < 3;
UPDATE assessment_rounds SET rules = jsonb_set(rules, '{minGroupSizeShown}', '3')
 WHERE jsonb_typeof(rules -> 'minGroupSizeShown') = 'number'
   AND (rules ->> 'minGroupSizeShown')::numeric < 3;

SELECT set_config('app.scope_mode', '', true);
