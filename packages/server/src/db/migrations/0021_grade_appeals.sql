-- 考核等次申诉 (issue 12 §4): a cadre's appeal of a published result of her own, carried by a workflow case of
-- the pack kind `grade_appeal` (提交申诉 → 复核). The case holds the steps, the reason and the review opinion;
-- this row ties it to the result appealed. Seen by whoever sees the result (a child of the target).
CREATE TABLE assessment_appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  target_id uuid NOT NULL REFERENCES assessment_targets(id) ON DELETE CASCADE,
  case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_appeals_target ON assessment_appeals (target_id);
CALL app_rls_child_of('assessment_appeals', '{target_id}', 'assessment_targets');
GRANT SELECT, INSERT ON assessment_appeals TO ganbu_app;
