-- 工作日历 (issue 12 §4): the district's overrides of the national working-day calendar — an extra day off,
-- or a make-up workday — applied over the State Council's arrangement. District-wide, not org-scoped: every
-- signed-in user reads them (deadlines are counted with them); only 组织部 writes them (the route checks
-- calendar.write as well).
CREATE TABLE calendar_overrides (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 100),
  created_by uuid REFERENCES users(id),
  -- kept as written: a reader's scope may not show the account of the district's officer
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- row-level security (0015 helpers): none of the org or person shapes fits a district-wide table, so two
-- reviewed special rules (listed in the catalog test): read by any signed-in user or the system context
-- (deadlines computed outside a request), written by 组织部 or the system context (seeding).
CALL app_rls_special('calendar_overrides', 'calendar_read',
  'app_user_id() IS NOT NULL OR app_setting(''app.context'') = ''system''', NULL, 'SELECT');
CALL app_rls_special('calendar_overrides', 'calendar_write',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''',
  'app_has_role(''orgdept'') OR app_setting(''app.context'') = ''system''');

GRANT SELECT, INSERT, DELETE ON calendar_overrides TO ganbu_app;
