/** Audit rows must be kept at least this long (Cybersecurity Law: six months). */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/**
 * The instant before which rows may be purged, or an error when the requested cut-off
 * would remove rows younger than the legal minimum.
 */
export function auditPurgeCutoff(
  requested: Date,
  now: Date,
  retentionDays: number,
): { ok: true; cutoff: Date } | { ok: false; earliestAllowed: Date } {
  const days = Math.max(retentionDays, MIN_AUDIT_RETENTION_DAYS);
  const latest = new Date(now.getTime() - days * 86_400_000);
  if (requested > latest) return { ok: false, earliestAllowed: latest };
  return { ok: true, cutoff: requested };
}
