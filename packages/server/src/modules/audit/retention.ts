import { auditPurgeCutoff } from '@ganbu/core';
import type pg from 'pg';

/**
 * Delete audit rows older than `before` (run by the CLI as the admin login; the app role cannot).
 * Refuses a cut-off that would remove rows younger than the retention minimum (180 days).
 */
export async function purgeAudit(
  admin: pg.ClientBase,
  opts: { before: Date; now: Date; retentionDays?: number },
): Promise<{ deleted: number }> {
  const decision = auditPurgeCutoff(opts.before, opts.now, opts.retentionDays ?? 180);
  if (!decision.ok) {
    throw new Error(`审计日志至少保留 180 天：截止时间不能晚于 ${decision.earliestAllowed.toISOString()}`);
  }
  const res = await admin.query('DELETE FROM audit_log WHERE at < $1', [decision.cutoff]);
  return { deleted: res.rowCount ?? 0 };
}
