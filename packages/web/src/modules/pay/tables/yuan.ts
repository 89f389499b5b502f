/**
 * Amounts on the tables page: the API speaks integer fen, the officer types 元 with up to two decimals.
 * The conversion joins the digits of the decimal text (never a float × 100): "12345.67" → 1234567.
 */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** 元 as typed → fen; null when it is not a non-negative amount with at most two decimals. */
export function yuanTextToFen(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  const whole = (m[1] as string).replace(/^0+(?=\d)/, '');
  if (whole.length > 11) return null;
  return Number(BigInt(whole + (m[2] ?? '').padEnd(2, '0')));
}
