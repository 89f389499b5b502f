-- Cadre registry (R-ORG-2, R-ORG-3): the full record, appointment history, photos.
-- Sensitive fields are encrypted by the server (AES-256-GCM, key outside the database); the ID number
-- also has a keyed hash (HMAC) so a record can be found by ID number without decrypting.

ALTER TABLE cadres ALTER COLUMN birth_date TYPE text USING to_char(birth_date, 'YYYY-MM-DD');
ALTER TABLE cadres ADD CONSTRAINT cadres_birth_date_format
  CHECK (birth_date ~ '^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$');

ALTER TABLE cadres
  ADD COLUMN ethnicity text NOT NULL DEFAULT '',
  ADD COLUMN native_place text NOT NULL DEFAULT '',
  ADD COLUMN birth_place text NOT NULL DEFAULT '',
  ADD COLUMN political_status text NOT NULL DEFAULT '',
  ADD COLUMN party_join_date text,
  ADD COLUMN work_start_date text,
  ADD COLUMN full_time_education jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN in_service_education jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN category text,
  ADD COLUMN rank text NOT NULL DEFAULT '',
  ADD COLUMN professional_type boolean NOT NULL DEFAULT false,
  ADD COLUMN professional_title text NOT NULL DEFAULT '',
  ADD COLUMN specialty text NOT NULL DEFAULT '',
  ADD COLUMN rewards_and_punishments text NOT NULL DEFAULT '',
  ADD COLUMN annual_assessment text NOT NULL DEFAULT '',
  ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
  ADD COLUMN extras jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- encrypted (v1:<alg>:<base64>) and keyed hash
  ADD COLUMN id_number_enc text,
  ADD COLUMN id_number_hash text,
  ADD COLUMN phone_enc text,
  ADD COLUMN health_enc text,
  ADD COLUMN family_enc text,
  -- derived from the appointment history by core, stored for roster filters and explained on read
  ADD COLUMN fact_street_or_township boolean NOT NULL DEFAULT false,
  ADD COLUMN fact_street_leadership boolean NOT NULL DEFAULT false,
  ADD COLUMN fact_township_secretary boolean NOT NULL DEFAULT false,
  ADD COLUMN fact_grassroots_months integer NOT NULL DEFAULT 0,
  ADD COLUMN deactivated_at timestamptz;

CREATE UNIQUE INDEX cadres_id_number_hash ON cadres (id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX cadres_birth_date ON cadres (birth_date);
CREATE INDEX cadres_name ON cadres (name);

CREATE TABLE cadre_appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  org_path ltree NOT NULL, -- the cadre's unit, for row-level security
  seq integer NOT NULL,
  unit_name text NOT NULL,
  org_id uuid REFERENCES orgs(id),
  unit_kind text,
  title text NOT NULL DEFAULT '',
  is_leadership boolean NOT NULL DEFAULT false,
  role_kind text NOT NULL DEFAULT 'staff',
  rank text NOT NULL DEFAULT '',
  start_date text NOT NULL,
  end_date text,
  UNIQUE (cadre_id, seq)
);
CREATE INDEX cadre_appointments_org_path ON cadre_appointments USING gist (org_path);

CREATE TABLE cadre_photos (
  cadre_id uuid PRIMARY KEY REFERENCES cadres(id) ON DELETE CASCADE,
  org_path ltree NOT NULL,
  mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  bytes bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE cadre_appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE cadre_appointments FORCE ROW LEVEL SECURITY;
CREATE POLICY cadre_appointments_scope ON cadre_appointments
  USING (app_person_visible(org_path, cadre_id)) WITH CHECK (app_person_visible(org_path, cadre_id));

ALTER TABLE cadre_photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE cadre_photos FORCE ROW LEVEL SECURITY;
CREATE POLICY cadre_photos_scope ON cadre_photos
  USING (app_person_visible(org_path, cadre_id)) WITH CHECK (app_person_visible(org_path, cadre_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON cadre_appointments, cadre_photos TO ganbu_app;
