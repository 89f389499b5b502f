-- Accounts and audit (issue 9, items 7 and 10). Runs as the owner role.

-- ---------------------------------------------------------------- 三员分立 (SECURITY 6, 33)
-- An admin role (sysadmin, secadmin, auditor) stands alone on its account: never two of them, and never
-- with a business role (auditor + orgdept would audit its own work; sysadmin + orgdept would manage the
-- accounts of the data it edits). The same rule as core's violatesSeparationOfDuties.
--
-- An account that holds an admin role with other roles keeps only its admin role (the old constraint
-- allowed at most one) and its sessions end, so the narrower grant applies at once.
SELECT set_config('app.context', 'system', true), set_config('app.scope_mode', 'all', true);

DELETE FROM sessions s USING users u
 WHERE s.user_id = u.id AND u.roles && ARRAY['sysadmin','secadmin','auditor']
   AND (SELECT count(DISTINCT r) FROM unnest(u.roles) r) > 1;

UPDATE users
   SET roles = ARRAY(SELECT DISTINCT r FROM unnest(roles) r WHERE r IN ('sysadmin','secadmin','auditor')),
       updated_at = now()
 WHERE roles && ARRAY['sysadmin','secadmin','auditor'] AND cardinality(roles) > 1;

-- the old CHECK (at most one of the three) has a generated name: drop it by what it says
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
            WHERE conrelid = 'users'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%sysadmin%'
  LOOP
    EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;

ALTER TABLE users ADD CONSTRAINT users_admin_role_alone
  CHECK (NOT (roles && ARRAY['sysadmin','secadmin','auditor']) OR cardinality(roles) = 1);

SELECT set_config('app.context', '', true), set_config('app.scope_mode', '', true);

-- ---------------------------------------------------------------- refused anonymous requests (SECURITY 12)
-- Requests to authenticated routes from senders without a session are counted here per minute, route and
-- stable code (the first few of a minute are also written to the audit log in full); each closed minute
-- becomes one summary row of the audit log and leaves this table. The row with action '' is the minute's
-- total. No person or unit column: nothing here is scoped.
CREATE TABLE audit_refusal_counts (
  window_start timestamptz NOT NULL,
  action text NOT NULL,
  code text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  addresses text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (window_start, action, code)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_refusal_counts TO ganbu_app;
