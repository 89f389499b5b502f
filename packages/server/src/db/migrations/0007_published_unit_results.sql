-- Published results of unit targets (万人双评议, 六比竞赛: a unit's rank is announced publicly) are readable
-- by every signed-in user; a cadre's result stays visible only in scope and to the cadre. The flag is set
-- on the target row at publication, so the policy does not read assessment_rounds (whose policy reads
-- this table).
ALTER TABLE assessment_targets ADD COLUMN published boolean NOT NULL DEFAULT false;
UPDATE assessment_targets t SET published = true
  FROM assessment_rounds r WHERE r.id = t.round_id AND r.state = 'published';

DROP POLICY assessment_targets_scope ON assessment_targets;
CREATE POLICY assessment_targets_scope ON assessment_targets
  USING ((unit_path <@ (SELECT app_scope_root())
          AND ((SELECT app_scope_exact()) IS NULL OR unit_path = (SELECT app_scope_exact()))
          AND ((SELECT app_scope_self()) IS NULL OR cadre_id = (SELECT app_scope_self())))
         OR (cadre_id IS NULL AND published AND app_user_id() IS NOT NULL))
  WITH CHECK (unit_path <@ (SELECT app_scope_root()));
