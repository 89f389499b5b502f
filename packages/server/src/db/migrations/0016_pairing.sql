-- 结对帮扶 (R-CARE-6): a mentor paired with a cadre, and dated notes of what was done.
-- A pairing is seen by whoever sees its cadre (child of cadres), a note by whoever sees its pairing.
CREATE TABLE pairings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  mentor_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  -- kept as written: the mentor may work in a unit the reader's scope does not show
  mentor_name text NOT NULL,
  mentor_post text NOT NULL DEFAULT '',
  focus text NOT NULL,
  started_on date NOT NULL,
  ended_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pairings_not_self CHECK (mentor_id <> cadre_id),
  CONSTRAINT pairings_end_after_start CHECK (ended_on IS NULL OR ended_on >= started_on)
);
-- one open pairing of the same two people at a time
CREATE UNIQUE INDEX pairings_one_open ON pairings (cadre_id, mentor_id) WHERE ended_on IS NULL;
CREATE INDEX pairings_mentor ON pairings (mentor_id);

CREATE TABLE pairing_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
  noted_on date NOT NULL,
  content text NOT NULL,
  written_by uuid REFERENCES users(id),
  written_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pairing_notes_pairing ON pairing_notes (pairing_id, noted_on DESC);

-- row-level security from the named helpers of migration 0015 (docs/ARCHITECTURE.md)
CALL app_rls_child_of('pairings', '{cadre_id}', 'cadres');
CALL app_rls_child_of('pairing_notes', '{pairing_id}', 'pairings');

GRANT SELECT, INSERT, UPDATE ON pairings, pairing_notes TO ganbu_app;
