-- 教育培训 (issue 15, R-TRN-1/2): programmes (培训班次) with their sessions, enrolments (报名, 竞争性选调,
-- 点名调训 with the unit's confirmation or a substitute) and attendance with the credit earned. The compliance
-- report and the shortfall warnings are computed from these rows and the pack's requirements.

-- ---------------------------------------------------------------- programmes
CREATE TABLE training_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 主办单位: the programme is seen in its subtree and by the units below it (their cadres are its targets)
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- the organiser's and the target units' names, copied (the units below read the programme, not the units above)
  organiser_name text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- the pack's programme kind, its name copied when created
  kind_id text NOT NULL,
  kind_name text NOT NULL,
  start_on date NOT NULL,
  end_on date NOT NULL CHECK (end_on >= start_on),
  -- the credit of the whole programme: days, or hours (学时) converted at the pack's rate of the day created
  days numeric(6, 2) CHECK (days >= 0),
  hours numeric(7, 2) CHECK (hours >= 0),
  hours_per_day numeric(5, 2) NOT NULL CHECK (hours_per_day > 0),
  credit_days numeric(6, 2) NOT NULL CHECK (credit_days >= 0),
  pack_name text NOT NULL,
  -- 培训对象: units (with their subtrees) and / or a CadreCondition; both empty: the organiser's subtree
  target_org_ids uuid[] NOT NULL DEFAULT '{}',
  target_org_names text[] NOT NULL DEFAULT '{}',
  target_condition jsonb,
  enrolment_mode text NOT NULL CHECK (enrolment_mode IN ('application', 'competitive', 'dispatch')),
  seats integer CHECK (seats > 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT training_programmes_credit CHECK ((days IS NULL) <> (hours IS NULL))
);
CREATE INDEX training_programmes_path ON training_programmes USING gist (org_path);
CREATE INDEX training_programmes_start ON training_programmes (start_on);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES training_programmes(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  on_date date NOT NULL,
  days numeric(6, 2) CHECK (days >= 0),
  hours numeric(7, 2) CHECK (hours >= 0),
  credit_days numeric(6, 2) NOT NULL CHECK (credit_days >= 0),
  UNIQUE (programme_id, seq)
);

-- ---------------------------------------------------------------- enrolments
CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES training_programmes(id) ON DELETE CASCADE,
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  -- the cadre's unit when enrolled (the unit admin sees and answers it)
  org_path ltree NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'admitted', 'rejected', 'named', 'confirmed',
                                         'substitution_requested', 'replaced')),
  rank integer CHECK (rank > 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  -- 点名调训: the substitute the unit asks for, and on the substitute's enrolment the one it replaced
  substitute_cadre_id uuid REFERENCES cadres(id),
  substitute_reason text NOT NULL DEFAULT '' CHECK (length(substitute_reason) <= 500),
  substitute_for uuid REFERENCES training_enrolments(id),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, cadre_id)
);
CREATE INDEX training_enrolments_path ON training_enrolments USING gist (org_path);
CREATE INDEX training_enrolments_cadre ON training_enrolments (cadre_id);

-- ---------------------------------------------------------------- attendance and credit
CREATE TABLE training_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES training_programmes(id) ON DELETE CASCADE,
  -- null: the whole programme
  session_id uuid REFERENCES training_sessions(id) ON DELETE CASCADE,
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  org_path ltree NOT NULL,
  -- the programme's kind, copied (the compliance report counts by kind without a join)
  kind_id text NOT NULL,
  -- the day the credit counts on: the session's day, or the programme's last day
  on_date date NOT NULL,
  attended boolean NOT NULL,
  leave_reason text NOT NULL DEFAULT '' CHECK (length(leave_reason) <= 200),
  credit_days numeric(6, 2) NOT NULL DEFAULT 0 CHECK (credit_days >= 0),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT training_attendance_credit CHECK (attended OR credit_days = 0),
  CONSTRAINT training_attendance_once UNIQUE NULLS NOT DISTINCT (programme_id, session_id, cadre_id)
);
CREATE INDEX training_attendance_cadre ON training_attendance (cadre_id, on_date);
CREATE INDEX training_attendance_day ON training_attendance (on_date) INCLUDE (cadre_id, credit_days, kind_id, programme_id)
  WHERE attended;

-- ---------------------------------------------------------------- row-level security (0015 helpers)
-- a programme: the organiser's subtree, and (reading) the units below the organiser, whose cadres it trains
CALL app_rls_org_subtree('training_programmes', 'org_path',
  also_visible => 'org_path @> (SELECT app_scope_root())');
CALL app_rls_child_of('training_sessions', '{programme_id}', 'training_programmes');
-- a person's rows: the subtree of the cadre's unit, and 仅本人 their own
CALL app_rls_person('training_enrolments', 'org_path', 'cadre_id', write_check => 'subtree');
CALL app_rls_person('training_attendance', 'org_path', 'cadre_id', write_check => 'subtree');

GRANT SELECT, INSERT, UPDATE ON training_programmes, training_sessions, training_enrolments,
  training_attendance TO ganbu_app;
