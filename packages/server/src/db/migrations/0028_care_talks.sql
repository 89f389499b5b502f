-- 谈心谈话 and 双向约谈 (R-CARE-4/5) and the pairing's yearly review (R-CARE-6), issue 15.
--
-- talk_leaders: the district leaders who hold the year's talks (the principal leader 区委主要负责人, and the
--   other leaders with the units linked to them: 挂钩街道, 分管部门), kept by the organisation department. A
--   leader may have an account (then talk requests can name them) and a cadre record. Names and titles of
--   district leaders are no secret: every signed-in user reads them (a cadre picks one to ask for a talk);
--   only a writer whose scope covers the leader's unit changes them.
-- talks: the fact that a talk was held (date, leader, talkee, form): seen as the talkee's cadre row is
--   (coverage counts them per unit), by the talkee himself.
-- talk_contents: what was talked about, restricted: read and written only by the organisation department
--   inside its scope and by the persons named on the row (the talker's account, the writer) — not by the
--   talkee's unit administrator, not by the other leaders.
-- talk_requests: a cadre's request to talk with a leader (双向约谈) is a workflow case of the pack's kind;
--   this row ties the case to the leader asked and is seen by whoever sees the case.
-- pairing_reviews: the yearly review of a pairing (结对帮扶), seen by whoever sees the pairing.

CREATE TABLE talk_leaders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit the leader belongs to (the district): who may change the row
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  user_id uuid REFERENCES users(id),
  cadre_id uuid REFERENCES cadres(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  -- 区委书记, 区委副书记、区长, 区委常委、组织部部长 …
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  kind text NOT NULL CHECK (kind IN ('principal', 'linked')),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- one serving principal leader
CREATE UNIQUE INDEX talk_leaders_one_principal ON talk_leaders (kind) WHERE kind = 'principal' AND active;
CREATE UNIQUE INDEX talk_leaders_user ON talk_leaders (user_id) WHERE user_id IS NOT NULL AND active;

CREATE TABLE talk_leader_links (
  leader_id uuid NOT NULL REFERENCES talk_leaders(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES orgs(id),
  PRIMARY KEY (leader_id, org_id)
);
CREATE INDEX talk_leader_links_org ON talk_leader_links (org_id);

CREATE TABLE talks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leader_id uuid NOT NULL REFERENCES talk_leaders(id),
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  -- the talkee's unit when the talk was recorded (coverage counts by unit)
  org_path ltree NOT NULL,
  held_on date NOT NULL,
  -- 个别谈话 / 集体谈话
  form text NOT NULL CHECK (form IN ('individual', 'group')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX talks_cadre ON talks (cadre_id, held_on);
CREATE INDEX talks_path ON talks USING gist (org_path);
CREATE INDEX talks_year ON talks (held_on);

CREATE TABLE talk_contents (
  talk_id uuid PRIMARY KEY REFERENCES talks(id) ON DELETE CASCADE,
  org_path ltree NOT NULL,
  topics text NOT NULL CHECK (length(topics) BETWEEN 1 AND 500),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
  reader_roles text[] NOT NULL,
  -- the talker's account (when the leader has one) and the writer
  party_ids uuid[] NOT NULL
);
CREATE INDEX talk_contents_path ON talk_contents USING gist (org_path);

CREATE TABLE talk_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
  leader_id uuid NOT NULL REFERENCES talk_leaders(id),
  cadre_id uuid NOT NULL REFERENCES cadres(id),
  created_at timestamptz NOT NULL,
  -- the answer step's last day (the case clears its own once closed; an answer after it was late)
  due_on date
);
CREATE INDEX talk_requests_cadre ON talk_requests (cadre_id, created_at DESC);
CREATE INDEX talk_requests_leader ON talk_requests (leader_id);

CREATE TABLE pairing_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
  reviewed_on date NOT NULL,
  -- 好 / 较好 / 一般 / 差
  rating text NOT NULL CHECK (rating IN ('good', 'fair', 'average', 'poor')),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  -- 继续结对 / 结束结对
  decision text NOT NULL CHECK (decision IN ('continue', 'end')),
  written_by uuid REFERENCES users(id),
  written_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pairing_reviews_pairing ON pairing_reviews (pairing_id, reviewed_on DESC);

CALL app_rls_org_subtree('talk_leaders', 'org_path', also_visible => '(SELECT app_user_id()) IS NOT NULL');
CALL app_rls_child_of('talk_leader_links', '{leader_id}', 'talk_leaders');
CALL app_rls_person('talks', 'org_path', 'cadre_id');
CALL app_rls_parties('talk_contents', 'org_path', 'reader_roles', 'party_ids');
CALL app_rls_child_of('talk_requests', '{case_id}', 'cases');
CALL app_rls_child_of('pairing_reviews', '{pairing_id}', 'pairings');

GRANT SELECT, INSERT, UPDATE ON talk_leaders, talks, talk_contents, talk_requests, pairing_reviews TO ganbu_app;
GRANT SELECT, INSERT, DELETE ON talk_leader_links TO ganbu_app;
