-- 述职报告 as a file (PDF or Word) beside the text: one per target, replaced by a new upload. Visible exactly
-- where its target is (the policy reads assessment_targets, whose own policy applies to the reader), and to a
-- slip holder through the ballot route (system context after the slip is checked).
CREATE TABLE assessment_report_files (
  target_id uuid PRIMARY KEY REFERENCES assessment_targets(id) ON DELETE CASCADE,
  round_id uuid NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
  mime text NOT NULL CHECK (mime IN ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size integer NOT NULL CHECK (size > 0 AND size = octet_length(bytes)),
  bytes bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_report_files_round ON assessment_report_files (round_id);

ALTER TABLE assessment_report_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_report_files FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_report_files_scope ON assessment_report_files
  USING (EXISTS (SELECT 1 FROM assessment_targets t
                  WHERE t.id = assessment_report_files.target_id AND t.round_id = assessment_report_files.round_id))
  WITH CHECK (EXISTS (SELECT 1 FROM assessment_targets t
                  WHERE t.id = assessment_report_files.target_id AND t.round_id = assessment_report_files.round_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_report_files TO ganbu_app;
