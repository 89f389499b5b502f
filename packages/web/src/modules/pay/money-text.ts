/**
 * Money typed or shown on the pay pages, in integers only (no float arithmetic on amounts): an officer's
 * yuan text → fen, and a share of a total as a percentage.
 */

/** Yuan typed by an officer ("12,345.6", "¥ 800") → fen, exactly; null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，¥\s]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A part of a whole as a percentage with two decimals, half-up: 1234 of 5000 → "24.68%"; "—" without a whole. */
export function shareText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const bp = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  return `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}%`;
}
