import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAppRoleIsSafe } from '../../src/db/bootstrap.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import { cloneTestDb, type TestDb } from '../helpers.ts';
import { withDatabase } from '../db-urls.ts';

let db: TestDb;
beforeAll(async () => {
  db = await cloneTestDb();
});
afterAll(async () => db.drop());

/** SECURITY DEFINER functions that have been reviewed (each has a scope test). */
const REVIEWED_DEFINERS = [
  'audit_append',
  'audit_head',
  'audit_seal',
  'ballot_settle',
  // issue 16: the needs survey's pool settled at close as the ballots' (scope test: test/survey/needs.test.ts)
  'needs_survey_settle',
  // issue 15 speed: training_cadre_years kept by triggers on attendance writes and cadre moves (scope test:
  // test/training/cadre-years.test.ts)
  'training_cadre_years_on_move',
  'training_cadre_years_on_write',
];
/** Columns that mark a table as holding unit or personal data. */
const SCOPED_COLUMNS = ['org_id', 'org_path', 'path', 'user_id', 'cadre_id', 'actor_id'];

describe('[platform] catalog (SECURITY 7, 8)', () => {
  it('every table with an org or person column has RLS enabled and forced, with a policy', async () => {
    const { rows } = await db.admin.query<{ table: string; rls: boolean; forced: boolean; policies: number }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ANY($1) AND NOT a.attisdropped)
        ORDER BY 1`,
      [SCOPED_COLUMNS],
    );
    expect(rows.map((r) => r.table)).toEqual(
      expect.arrayContaining(['audit_log', 'cadres', 'orgs', 'sessions', 'users']),
    );
    for (const r of rows) expect(r, r.table).toMatchObject({ rls: true, forced: true });
    for (const r of rows) expect(r.policies, r.table).toBeGreaterThan(0);
  });

  it('every view is security_invoker', async () => {
    const { rows } = await db.admin.query<{ view: string; options: string[] | null }>(
      `SELECT relname AS view, reloptions AS options FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v','m')`,
    );
    for (const v of rows) expect(v.options ?? [], v.view).toContain('security_invoker=true');
  });

  it('every SECURITY DEFINER function is on the reviewed list', async () => {
    const { rows } = await db.admin.query<{ name: string }>(
      `SELECT proname AS name FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(REVIEWED_DEFINERS);
  });

  it('the app login is NOSUPERUSER NOBYPASSRLS and owns no table', async () => {
    const c = await db.pool.connect();
    try {
      await expect(assertAppRoleIsSafe(c)).resolves.toBeUndefined();
    } finally {
      c.release();
    }
  });

  it('refuses to run as a superuser or a BYPASSRLS login', async () => {
    await expect(assertAppRoleIsSafe(db.admin)).rejects.toThrow(/refusing to start/);
    const role = `ganbu_bad_${process.pid}`;
    await db.admin.query(`DROP ROLE IF EXISTS ${role}`);
    await db.admin.query(`CREATE ROLE ${role} LOGIN BYPASSRLS PASSWORD 'bad-role-pw'`);
    try {
      const url = new URL(withDatabase(db.adminUrl, db.name));
      url.username = role;
      url.password = 'bad-role-pw';
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await expect(assertAppRoleIsSafe(c)).rejects.toThrow(/BYPASSRLS/);
      await c.end();
    } finally {
      await db.admin.query(`DROP ROLE ${role}`);
    }
  });

  it('refuses a login that is a member of the owner role, directly or through another role (SECURITY 34)', async () => {
    const login = `ganbu_member_${process.pid}`;
    const between = `ganbu_between_${process.pid}`;
    const connectAs = async () => {
      const url = new URL(withDatabase(db.adminUrl, db.name));
      url.username = login;
      url.password = 'member-role-pw';
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      return c;
    };
    await db.admin.query(`DROP ROLE IF EXISTS ${login}`);
    await db.admin.query(`DROP ROLE IF EXISTS ${between}`);
    // attributes as safe as the app role's: only the membership differs
    await db.admin.query(`CREATE ROLE ${login} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'member-role-pw'`);
    await db.admin.query(`CREATE ROLE ${between} NOLOGIN NOSUPERUSER NOBYPASSRLS`);
    try {
      let c = await connectAs();
      await expect(assertAppRoleIsSafe(c)).resolves.toBeUndefined();
      await c.end();

      await db.admin.query(`GRANT ganbu_owner TO ${login}`);
      c = await connectAs();
      await expect(assertAppRoleIsSafe(c)).rejects.toThrow(
        `refusing to start: the database login "${login}" is a member of "ganbu_owner"`,
      );
      await c.end();

      await db.admin.query(`REVOKE ganbu_owner FROM ${login}`);
      await db.admin.query(`GRANT ganbu_owner TO ${between}`);
      await db.admin.query(`GRANT ${between} TO ${login}`);
      c = await connectAs();
      await expect(assertAppRoleIsSafe(c)).rejects.toThrow(/is a member of "ganbu_owner"/);
      await c.end();
    } finally {
      await db.admin.query(`DROP ROLE ${login}`);
      await db.admin.query(`DROP ROLE ${between}`);
    }
  });
});

/** The named row-level security helpers of migrations 0015, 0018 and 0019; every policy is made by one of them. */
const RLS_HELPER_CALL =
  /^CALL (app_rls_org_subtree|app_rls_person|app_rls_child_of|app_rls_parties|app_rls_confidential|app_rls_special)\(/;
/** Policies with a rule of their own (the platform's account tables), each reviewed like a definer. */
const REVIEWED_SPECIAL_POLICIES = [
  'audit_log.app_rls_special_auditor_read',
  'audit_log.app_rls_special_owner',
  // 工作日历 (0017): district-wide overrides, read by every signed-in user, written by 组织部 only
  'calendar_overrides.app_rls_special_calendar_read',
  'calendar_overrides.app_rls_special_calendar_write',
  // 经济激励 (0022): district salary standards and statistics, read by every signed-in user, written by 组织部
  'pay_statistics.app_rls_special_pay_statistics_read',
  'pay_statistics.app_rls_special_pay_statistics_write',
  'pay_tables.app_rls_special_pay_tables_read',
  'pay_tables.app_rls_special_pay_tables_write',
  'sessions.app_rls_special_session',
  'users.app_rls_special_account',
];

interface PolicyRow {
  table: string;
  name: string;
  cmd: string;
  permissive: boolean;
  roles: string;
  using: string | null;
  check: string | null;
  madeBy: string | null;
}

async function policiesOf(c: pg.ClientBase, table?: string): Promise<PolicyRow[]> {
  const { rows } = await c.query<PolicyRow>(
    `SELECT cl.relname AS table, p.polname AS name, p.polcmd::text AS cmd, p.polpermissive AS permissive,
            p.polroles::regrole[]::text AS roles, pg_get_expr(p.polqual, p.polrelid) AS using,
            pg_get_expr(p.polwithcheck, p.polrelid) AS check, obj_description(p.oid, 'pg_policy') AS "madeBy"
       FROM pg_policy p JOIN pg_class cl ON cl.oid = p.polrelid
      WHERE cl.relnamespace = 'public'::regnamespace AND ($1::text IS NULL OR cl.relname = $1)
      ORDER BY 1, 2`,
    [table ?? null],
  );
  return rows;
}

/**
 * One line per policy that a named helper did not make exactly: no helper call recorded, a special rule not
 * reviewed, or a policy that differs from what replaying its helper call makes (by name, command, roles and
 * expressions). Runs inside the caller's transaction; every replay is rolled back.
 */
async function policyProblems(c: pg.ClientBase): Promise<string[]> {
  const problems: string[] = [];
  const all = await policiesOf(c);
  for (const p of all) {
    const call = p.madeBy ?? '';
    const helper = RLS_HELPER_CALL.exec(call)?.[1];
    if (!helper) {
      problems.push(`${p.table}.${p.name}: hand-written (no named RLS helper made it)`);
      continue;
    }
    if (helper === 'app_rls_special' && !REVIEWED_SPECIAL_POLICIES.includes(`${p.table}.${p.name}`)) {
      problems.push(`${p.table}.${p.name}: a special rule not on the reviewed list`);
      continue;
    }
    const before = await policiesOf(c, p.table);
    await c.query('SAVEPOINT replay');
    try {
      await c.query(call);
      const after = await policiesOf(c, p.table);
      if (JSON.stringify(after) !== JSON.stringify(before))
        problems.push(`${p.table}.${p.name}: not what \`${call}\` makes`);
    } catch (e) {
      problems.push(`${p.table}.${p.name}: replaying \`${call}\` failed: ${(e as Error).message}`);
    } finally {
      await c.query('ROLLBACK TO SAVEPOINT replay');
    }
  }
  return problems;
}

describe('[platform] row-level security from named helpers (issue 11)', () => {
  const inTransaction = async <T>(run: () => Promise<T>): Promise<T> => {
    await db.admin.query('BEGIN');
    try {
      return await run();
    } finally {
      await db.admin.query('ROLLBACK');
    }
  };

  it('every policy of every table is exactly what a named helper makes', async () => {
    expect(await inTransaction(() => policyProblems(db.admin))).toEqual([]);
    const { rows } = await db.admin.query<{ table: string; name: string }>(
      `SELECT cl.relname AS table, p.polname AS name FROM pg_policy p JOIN pg_class cl ON cl.oid = p.polrelid
        WHERE cl.relnamespace = 'public'::regnamespace ORDER BY 1, 2`,
    );
    const byTable = Object.fromEntries(rows.map((r) => [r.table, r.name]));
    // the shapes, by name
    expect(byTable).toMatchObject({
      orgs: 'app_rls_org_subtree',
      assessment_rounds: 'app_rls_org_subtree',
      cadres: 'app_rls_person',
      cadre_appointments: 'app_rls_person',
      cadre_photos: 'app_rls_person',
      cadre_corrections: 'app_rls_person',
      assessment_targets: 'app_rls_person',
      assessment_overrides: 'app_rls_child_of',
      ballot_scores: 'app_rls_child_of',
      discipline_records: 'app_rls_confidential',
      tolerance_cases: 'app_rls_confidential',
      clarifications: 'app_rls_confidential',
      clarification_accusers: 'app_rls_confidential',
      // the named parties of a confidential matter (0018)
      cases: 'app_rls_parties',
      case_members: 'app_rls_child_of',
      case_events: 'app_rls_child_of',
      inbox_notices: 'app_rls_parties',
    });
    expect(
      rows.filter((r) => r.name.startsWith('app_rls_special_')).map((r) => `${r.table}.${r.name}`),
    ).toEqual(REVIEWED_SPECIAL_POLICIES);
  });

  it('every table with row-level security has at least one policy, and only helper-made ones', async () => {
    const { rows } = await db.admin.query<{ table: string; policies: number }>(
      `SELECT c.relname AS table, (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity`,
    );
    expect(rows.length).toBeGreaterThan(15);
    for (const r of rows) expect(r.policies, r.table).toBeGreaterThan(0);
  });

  it('fails for a table whose policy was hand-written', async () => {
    const problems = await inTransaction(async () => {
      await db.admin.query('CREATE TABLE rls_handwritten (id int, org_path ltree)');
      await db.admin.query('ALTER TABLE rls_handwritten ENABLE ROW LEVEL SECURITY');
      await db.admin.query(
        'CREATE POLICY rls_handwritten_scope ON rls_handwritten USING (app_org_visible(org_path))',
      );
      return policyProblems(db.admin);
    });
    expect(problems).toEqual([
      'rls_handwritten.rls_handwritten_scope: hand-written (no named RLS helper made it)',
    ]);
  });

  it('fails for a helper-made policy edited by hand, a second policy beside it, or an unreviewed special', async () => {
    const edited = await inTransaction(async () => {
      await db.admin.query('ALTER POLICY app_rls_person ON cadres USING (true)');
      return policyProblems(db.admin);
    });
    expect(edited).toEqual([
      expect.stringMatching(/^cadres\.app_rls_person: not what `CALL app_rls_person\(/),
    ]);

    const beside = await inTransaction(async () => {
      await db.admin.query('CREATE POLICY extra ON orgs FOR SELECT USING (true)');
      return policyProblems(db.admin);
    });
    expect(beside).toContain('orgs.extra: hand-written (no named RLS helper made it)');

    const special = await inTransaction(async () => {
      await db.admin.query(`CALL app_rls_special('orgs', 'everyone', 'true', 'true')`);
      return policyProblems(db.admin);
    });
    expect(special).toEqual(['orgs.app_rls_special_everyone: a special rule not on the reviewed list']);
  });

  it('a helper refuses what its shape does not have', async () => {
    await inTransaction(async () => {
      await expect(
        db.admin.query(`CALL app_rls_person('cadres', 'org_path', 'id', write_check => 'anything')`),
      ).rejects.toThrow(/write_check is 'person' or 'subtree'/);
    });
    await inTransaction(async () => {
      await expect(
        db.admin.query(`CALL app_rls_child_of('ballots', '{round_id,x}', 'assessment_rounds', '{id}')`),
      ).rejects.toThrow(/same number of columns/);
    });
  });
});

interface ScopeRow {
  path: string;
}

describe('[platform] row-level security without WHERE (SECURITY 10, 11)', () => {
  const asStreet1 = async (c: pg.ClientBase) => {
    const { rows } = await db.admin.query<{ id: string; org_id: string; org_path: string }>(
      `SELECT id, org_id, org_path::text FROM users WHERE username = 'street1'`,
    );
    const u = rows[0] as { id: string; org_id: string; org_path: string };
    await setScope(c, {
      userId: u.id,
      sessionId: 'x',
      username: 'street1',
      roles: ['unit_admin'],
      scopeMode: 'subtree',
      orgId: u.org_id,
      orgPath: u.org_path,
      cadreId: null,
      csrfToken: 'x',
      mustChangePassword: false,
      mustEnrolTotp: false,
    });
    return u.org_path;
  };

  it('a query with no WHERE returns only rows in scope', async () => {
    const c = await db.pool.connect();
    try {
      await c.query('BEGIN');
      const scopePath = await asStreet1(c);
      const orgs = await c.query<ScopeRow>('SELECT path::text FROM orgs');
      const cadres = await c.query<{ org_path: string }>('SELECT org_path::text FROM cadres');
      const expectedOrgs = await db.admin.query(`SELECT 1 FROM orgs WHERE path <@ $1::ltree`, [scopePath]);
      const expectedCadres = await db.admin.query(`SELECT 1 FROM cadres WHERE org_path <@ $1::ltree`, [
        scopePath,
      ]);
      expect(orgs.rowCount).toBe(expectedOrgs.rowCount);
      expect(cadres.rowCount).toBe(expectedCadres.rowCount);
      expect(cadres.rowCount).toBeGreaterThan(10);
      for (const r of orgs.rows)
        expect(r.path === scopePath || r.path.startsWith(scopePath + '.')).toBe(true);
      for (const r of cadres.rows)
        expect(r.org_path.startsWith(scopePath + '.') || r.org_path === scopePath).toBe(true);
      expect((await c.query('SELECT 1 FROM audit_log')).rowCount).toBe(0);
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
  });

  it('with no scope set, nothing is visible and nothing can be written', async () => {
    const c = await db.pool.connect();
    try {
      for (const table of ['orgs', 'cadres', 'users', 'sessions', 'audit_log']) {
        expect((await c.query(`SELECT * FROM ${table}`)).rowCount, table).toBe(0);
      }
      const { rows } = await db.admin.query<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
      const upd = await c.query(`UPDATE orgs SET name = 'x' WHERE id = $1`, [rows[0]?.id]);
      expect(upd.rowCount).toBe(0);
      await expect(
        c.query(`INSERT INTO orgs (code, name, kind, path) VALUES ('X1', 'x', 'district', 'X1')`),
      ).rejects.toThrow(/row-level security/);
    } finally {
      c.release();
    }
  });

  it('no scope bleed: concurrent transactions on a pool of one see only their own scope', async () => {
    const pool = new pg.Pool({
      connectionString: (db.pool.options as { connectionString: string }).connectionString,
      max: 1,
    });
    const street1Count = async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await asStreet1(c);
        const n = (await c.query('SELECT 1 FROM cadres')).rowCount;
        await c.query('COMMIT');
        return n;
      } finally {
        c.release();
      }
    };
    const unscopedCount = async () => {
      const c = await pool.connect();
      try {
        return (await c.query('SELECT 1 FROM cadres')).rowCount;
      } finally {
        c.release();
      }
    };
    const results = await Promise.all([street1Count(), unscopedCount(), street1Count(), unscopedCount()]);
    expect(results[0]).toBeGreaterThan(0);
    expect(results).toEqual([results[0], 0, results[0], 0]);
    await pool.end();
  });
});
