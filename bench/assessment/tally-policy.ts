/**
 * The benchmark's "before 0036" variant: `ballot_scores`'s policy as it was before migration 0036 (the
 * round checked per ballot row only, no named-round operand), set for one measurement and put back after,
 * as the admin login (the owner's helper, the same call the migrations make). With it, `tallyRound()` runs
 * the statement under the old policy on the same data, interleaved with the product's.
 */
import type pg from 'pg';

const PER_ROW = `CALL app_rls_child_of('ballot_scores', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path')`;
const NAMED_ROUND = `CALL app_rls_child_of('ballot_scores', '{round_id}', 'assessment_rounds', parent_path_col => 'org_path', hint_setting => 'app.ballot_round')`;

async function setPolicy(admin: pg.ClientBase, call: string): Promise<void> {
  await admin.query('BEGIN');
  try {
    await admin.query('SET LOCAL ROLE ganbu_owner');
    await admin.query(call);
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK');
    throw e;
  }
}

/** `fn` with `ballot_scores` under the per-row policy of before 0036; the current one put back after. */
export async function withPerRowPolicy<T>(admin: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await setPolicy(admin, PER_ROW);
  try {
    return await fn();
  } finally {
    await setPolicy(admin, NAMED_ROUND);
  }
}
