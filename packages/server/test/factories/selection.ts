import { shippedPacks } from '@ganbu/core';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Selection rows as plain SQL in the system scope (no workflow case, no eligibility call): a process of the
 * Fengze plain kind filling a post of `orgId` with the cadre as candidate, a running 公示 with an open
 * objection, a reserve-pool membership, a scheduled post-appointment review, an open unfit measure and an
 * active secondment to `hostOrgId`.
 */
export interface SelectionRows {
  processId: string;
  candidateId: string;
  noticeId: string;
  objectionId: string;
  poolMemberId: string;
  postReviewId: string;
  unfitMeasureId: string;
  exchangeId: string;
}

export async function newSelectionRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; hostOrgId: string },
): Promise<SelectionRows> {
  const pack = shippedPacks().find((p) => p.id === 'fengze');
  const kind = pack?.selection?.processKinds.plain;
  if (!kind) throw new Error('newSelectionRows: no fengze plain process kind');
  return asSystem(db, async (client) => {
    const one = async (sql: string, params: unknown[]) => {
      const { rows } = await client.query<{ id: string }>(sql, params);
      if (!rows[0]) throw new Error(`newSelectionRows: nothing inserted by ${sql.slice(0, 40)}`);
      return rows[0].id;
    };
    const processId = await one(
      `INSERT INTO selection_processes (org_id, org_path, title, pack_id, pack_effective_from, kind_id, kind,
         post_title, post_rank, post_role_kind, post_is_leadership)
       SELECT o.id, o.path, '越权测试选拔', 'fengze', '2018-01-01', 'plain', $2, '副主任', '副科级', 'team_member', true
         FROM orgs o WHERE o.id = $1 RETURNING id`,
      [r.orgId, JSON.stringify(kind)],
    );
    const candidateId = await one(
      `INSERT INTO selection_candidates (process_id, cadre_id, eligibility)
       VALUES ($1, $2, $3) RETURNING id`,
      [processId, r.cadreId, JSON.stringify({ eligible: true, reasons: [], date: '2026-11-02' })],
    );
    await client.query(
      `INSERT INTO selection_step_results (process_id, step_id, candidate_id, votes_for, votes_against, votes_abstain)
       VALUES ($1, 'recommendation', $2, 30, 2, 1)`,
      [processId, candidateId],
    );
    const noticeId = await one(
      `INSERT INTO selection_notices (process_id, step_id, start_on, working_days, end_on)
       VALUES ($1, 'notice', '2026-11-02', 5, '2026-11-06') RETURNING id`,
      [processId],
    );
    const objectionId = await one(
      `INSERT INTO selection_objections (notice_id, candidate_id, received_on, channel, summary)
       VALUES ($1, $2, '2026-11-03', '来信', '越权测试反映') RETURNING id`,
      [noticeId, candidateId],
    );
    const poolMemberId = await one(
      `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason)
       SELECT c.id, c.org_path, 'reserve', '副处级', o.id, o.path, '2026-01-10', '越权测试推荐'
         FROM cadres c JOIN orgs o ON o.id = $2 WHERE c.id = $1 RETURNING id`,
      [r.cadreId, r.orgId],
    );
    await client.query(
      `INSERT INTO pool_reviews (member_id, name, due_on) VALUES ($1, '年度考核', '2027-01-10')`,
      [poolMemberId],
    );
    const postReviewId = await one(
      `INSERT INTO selection_post_reviews (cadre_id, org_path, process_id, post_title, appointed_on, due_on)
       SELECT c.id, c.org_path, $2, '副主任', '2026-01-05', '2027-01-05' FROM cadres c WHERE c.id = $1 RETURNING id`,
      [r.cadreId, processId],
    );
    const unfitMeasureId = await one(
      `INSERT INTO selection_unfit_measures (cadre_id, org_path, measure_id, measure_name, reason, start_on, due_on)
       SELECT c.id, c.org_path, 'retrain', '回炉锻造', '越权测试', '2026-06-01', '2026-12-01'
         FROM cadres c WHERE c.id = $1 RETURNING id`,
      [r.cadreId],
    );
    const exchangeId = await one(
      `INSERT INTO selection_exchanges (cadre_id, home_org_id, home_path, host_org_id, host_path, kind_id, kind_name,
         moves_record, batch_year, host_post, start_on, end_on)
       SELECT c.id, c.org_id, c.org_path, h.id, h.path, 'secondment', '挂职', false, 2026, '挂职副主任',
              '2026-03-01', '2027-02-28'
         FROM cadres c JOIN orgs h ON h.id = $2 WHERE c.id = $1 RETURNING id`,
      [r.cadreId, r.hostOrgId],
    );
    return {
      processId,
      candidateId,
      noticeId,
      objectionId,
      poolMemberId,
      postReviewId,
      unfitMeasureId,
      exchangeId,
    };
  });
}
