-- Self-service: a cadre asks for corrections to their own record; an officer accepts or rejects.
CREATE TABLE cadre_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  org_path ltree NOT NULL,
  requested_by uuid NOT NULL REFERENCES users(id),
  field text NOT NULL,
  proposed_value text NOT NULL,
  reason text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadre_corrections_cadre ON cadre_corrections (cadre_id, created_at DESC);
CREATE INDEX cadre_corrections_org_path ON cadre_corrections USING gist (org_path);

ALTER TABLE cadre_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE cadre_corrections FORCE ROW LEVEL SECURITY;
CREATE POLICY cadre_corrections_scope ON cadre_corrections
  USING (app_person_visible(org_path, cadre_id)) WITH CHECK (app_person_visible(org_path, cadre_id));

GRANT SELECT, INSERT, UPDATE ON cadre_corrections TO ganbu_app;
