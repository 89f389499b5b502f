import { toHalfWidth } from './ballot-code.ts';

/** Why a score box cannot be sent. */
export type ScoreError = 'required' | 'number' | 'negative' | 'max' | 'decimals';

export type ScoreCheck = { ok: true; hundredths: number } | { ok: false; error: ScoreError };

/**
 * One criterion's points as typed (full-width digits from a Chinese keyboard are accepted): a number
 * from 0 to the criterion's maximum with at most two decimals, counted in hundredths (exact sums).
 */
export function checkScore(text: string, maxPoints: number): ScoreCheck {
  const t = toHalfWidth(text).trim();
  if (t === '') return { ok: false, error: 'required' };
  if (t.startsWith('-')) return { ok: false, error: 'negative' };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, error: 'number' };
  const decimals = (t.split('.')[1] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, error: 'decimals' };
  const hundredths = Math.round(Number(t) * 100);
  if (!Number.isFinite(hundredths)) return { ok: false, error: 'number' };
  if (hundredths > Math.round(maxPoints * 100)) return { ok: false, error: 'max' };
  return { ok: true, hundredths };
}

/** Hundredths → points as shown and sent (94.5, 33.33, 40). */
export function fromHundredths(h: number): number {
  return h / 100;
}

export interface TargetTally {
  /** the sum of the valid boxes, in hundredths */
  hundredths: number;
  /** every box valid */
  complete: boolean;
  /** boxes with an error (empty boxes included) */
  errors: number;
}

export function tallyTarget(values: readonly string[], maxima: readonly number[]): TargetTally {
  let hundredths = 0;
  let errors = 0;
  maxima.forEach((max, k) => {
    const c = checkScore(values[k] ?? '', max);
    if (c.ok) hundredths += c.hundredths;
    else errors++;
  });
  return { hundredths, complete: errors === 0, errors };
}
