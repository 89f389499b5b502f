import type { PartialDate } from '../cadre/model.ts';

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date as the 任免审批表 writes it — `198003`, `19800312`, `1980.03`, `1980.3.12`, `1980-03(-12)`,
 * `1980/03`, `1980年3月(12日)`, full-width digits too — as a PartialDate; null when it is not one.
 */
export function parseLrmxDate(raw: string): PartialDate | null {
  const s = raw
    .replace(/[\uff10-\uff19\uff0e\uff0d\uff0f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const m =
    /^(\d{4})(\d{2})(\d{2})?$/.exec(s) ??
    /^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})[日号]?|[.月])?$/.exec(s);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return `${y}-${pad2(mo)}`;
  const d = Number(m[3]);
  if (d < 1 || d > daysIn(y, mo)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/** PartialDate → the form the 任免审批表 stores: `yyyyMM`, or `yyyyMMdd` for a day. */
export function formatLrmxDate(date: PartialDate): string {
  return date.replace(/-/g, '');
}
