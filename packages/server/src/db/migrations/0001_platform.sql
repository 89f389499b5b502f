-- Platform: scope functions, org tree, minimal cadre rows, users, sessions, settings, audit log.
-- Runs as the owner role (ganbu_owner). ltree is created by the bootstrap before this file.

-- Scope settings are transaction-local GUCs set by the server for each request.
CREATE FUNCTION app_setting(name text) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting(name, true), '') $$;

-- Is an org path inside the current scope? No scope set: nothing is visible.
CREATE FUNCTION app_org_visible(p ltree) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT CASE app_setting('app.scope_mode')
    WHEN 'all' THEN true
    WHEN 'subtree' THEN p <@ app_setting('app.scope_path')::ltree
    WHEN 'unit' THEN p = app_setting('app.scope_path')::ltree
    WHEN 'self' THEN p = app_setting('app.scope_path')::ltree
    ELSE false
  END $$;

-- Personal rows: in the org scope, and for 仅本人 only the user's own cadre record.
CREATE FUNCTION app_person_visible(p ltree, cadre uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT app_org_visible(p)
     AND (app_setting('app.scope_mode') IS DISTINCT FROM 'self'
          OR cadre = app_setting('app.cadre_id')::uuid) $$;

CREATE FUNCTION app_has_role(r text) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT r = ANY (string_to_array(coalesce(app_setting('app.roles'), ''), ',')) $$;

CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT app_setting('app.user_id')::uuid $$;

-- ---------------------------------------------------------------- org tree (R-ORG-1)
CREATE TABLE orgs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES orgs(id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z][A-Za-z0-9_]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('district','department','street','township','village','community','station','enterprise')),
  path ltree NOT NULL UNIQUE,
  active boolean NOT NULL DEFAULT true,
  establishment jsonb NOT NULL DEFAULT '{}'::jsonb,
  difficulty numeric(4,2) NOT NULL DEFAULT 1.00 CHECK (difficulty > 0 AND difficulty <= 10),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orgs_path_gist ON orgs USING gist (path);
CREATE INDEX orgs_parent ON orgs (parent_id);

-- ---------------------------------------------------------------- cadres (minimal; the registry extends it)
CREATE TABLE cadres (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  gender text NOT NULL CHECK (gender IN ('male','female')),
  birth_date date NOT NULL,
  post_title text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadres_org_path_gist ON cadres USING gist (org_path);
CREATE INDEX cadres_org ON cadres (org_id);

-- ---------------------------------------------------------------- accounts (R-PLAT-1)
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9_.]{2,31}$'),
  display_name text NOT NULL,
  org_id uuid NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  cadre_id uuid REFERENCES cadres(id),
  roles text[] NOT NULL DEFAULT '{}',
  scope_mode text NOT NULL CHECK (scope_mode IN ('all','subtree','unit','self')),
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  password_history text[] NOT NULL DEFAULT '{}',
  must_change_password boolean NOT NULL DEFAULT true,
  totp_secret text,
  totp_pending_secret text,
  totp_last_step bigint,
  active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- 三员分立: at most one of the three admin roles
  CHECK (('sysadmin' = ANY (roles))::int + ('secadmin' = ANY (roles))::int + ('auditor' = ANY (roles))::int <= 1)
);
CREATE INDEX users_org_path_gist ON users USING gist (org_path);

CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  client_address text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins per user name (known or not, so a lock never tells whether an account exists).
CREATE TABLE login_throttle (
  username_hash text PRIMARY KEY,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL
);

-- Security settings (password and session policy); set by the security administrator.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- audit log (R-PLAT-3)
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  actor_roles text[] NOT NULL DEFAULT '{}',
  action text NOT NULL,
  object_type text,
  object_id text,
  result text NOT NULL CHECK (result IN ('success','failure')),
  client_address text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_username);

-- The hash of a row covers every column and the previous row's hash.
CREATE FUNCTION audit_row_hash(a audit_log) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    a.prev_hash, a.id::text,
    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(a.actor_id::text, ''), coalesce(a.actor_username, ''), array_to_string(a.actor_roles, ','),
    a.action, coalesce(a.object_type, ''), coalesce(a.object_id, ''), a.result,
    coalesce(a.client_address, ''), coalesce(a.before::text, ''), coalesce(a.after::text, '')), 'UTF8')), 'hex') $$;

-- The only way the app writes the audit log. SECURITY DEFINER (reviewed): it appends one row,
-- serialised by an advisory lock so the chain follows commit order.
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_username text, p_actor_roles text[], p_action text,
  p_object_type text, p_object_id text, p_result text, p_client_address text, p_before jsonb, p_after jsonb
) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_row audit_log;
BEGIN
  PERFORM pg_advisory_xact_lock(727201);
  SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') INTO v_row.prev_hash;
  v_row.id := nextval('audit_log_id_seq');
  v_row.at := p_at; v_row.actor_id := p_actor_id; v_row.actor_username := p_actor_username;
  v_row.actor_roles := coalesce(p_actor_roles, '{}'); v_row.action := p_action; v_row.object_type := p_object_type;
  v_row.object_id := p_object_id; v_row.result := p_result; v_row.client_address := p_client_address;
  v_row.before := p_before; v_row.after := p_after;
  v_row.hash := audit_row_hash(v_row);
  INSERT INTO audit_log SELECT v_row.*;
  RETURN v_row.id;
END $$;

-- ---------------------------------------------------------------- row-level security
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
ALTER TABLE orgs FORCE ROW LEVEL SECURITY;
CREATE POLICY orgs_scope ON orgs USING (app_org_visible(path)) WITH CHECK (app_org_visible(path));

ALTER TABLE cadres ENABLE ROW LEVEL SECURITY;
ALTER TABLE cadres FORCE ROW LEVEL SECURITY;
CREATE POLICY cadres_scope ON cadres USING (app_person_visible(org_path, id)) WITH CHECK (app_person_visible(org_path, id));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
-- Accounts in scope; everyone sees their own; 仅本人 sees only their own.
CREATE POLICY users_scope ON users
  USING (id = app_user_id() OR (app_setting('app.scope_mode') <> 'self' AND app_org_visible(org_path)))
  WITH CHECK (id = app_user_id() OR (app_setting('app.scope_mode') <> 'self' AND app_org_visible(org_path)));

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
-- Session look-up runs in the 'system' context before the user is known; otherwise the sessions of
-- accounts the user may see (the sub-select is itself filtered by the users policy).
CREATE POLICY sessions_scope ON sessions
  USING (app_setting('app.context') = 'system' OR EXISTS (SELECT 1 FROM users u WHERE u.id = user_id))
  WITH CHECK (app_setting('app.context') = 'system' OR user_id = app_user_id());

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_log FOR SELECT USING (app_has_role('auditor'));
CREATE POLICY audit_owner ON audit_log TO ganbu_owner USING (true) WITH CHECK (true);

-- ---------------------------------------------------------------- privileges of the app role
GRANT USAGE ON SCHEMA public TO ganbu_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON orgs, cadres, users, sessions, settings, login_throttle TO ganbu_app;
GRANT SELECT ON audit_log TO ganbu_app;
REVOKE ALL ON FUNCTION audit_append FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append TO ganbu_app;
