import type { Appointment, PartialDate } from './model.ts';
import { firstDay, formatDot, toHalfWidth } from './officer-date.ts';

/** 简历: one line per post, `1987.03--1990.07  单位职务`, and a forgiving reader for pasted text. */

export type ResumePost = Pick<Appointment, 'unitName' | 'title' | 'start' | 'end'>;

export interface ResumeLine {
  start: PartialDate;
  end: PartialDate | null;
  text: string;
}

/** `YYYY.MM--YYYY.MM` is 16 characters; an open period is padded to the same width. */
const PERIOD_WIDTH = 16;

const month = (d: PartialDate) => formatDot(d.slice(0, 7));

/**
 * The standard 简历 text: posts in start order (stable for equal starts), each
 * `YYYY.MM--YYYY.MM  单位职务`; an open post as `YYYY.MM--` padded with spaces so the text lines up.
 * Day-precision dates are shown to the month, as 简历 are.
 */
export function resumeText(appointments: readonly ResumePost[]): string {
  return [...appointments]
    .sort((a, b) => firstDay(a.start).localeCompare(firstDay(b.start)))
    .map((a) => {
      const period = `${month(a.start)}--${a.end === null ? '' : month(a.end)}`.padEnd(PERIOD_WIDTH, ' ');
      return `${period}  ${a.unitName}${a.title}`;
    })
    .join('\n');
}

/** A date `YYYY.MM` (also `YYYY.M`, `YYYY-MM`, `YYYY/MM`, `YYYY年MM月`). */
const DATE = String.raw`(\d{4})(?:[./-]|年)(\d{1,2})月?`;
/** `--`, `-`, `—`, `——`, `–`, `～`, `~`, `〜`, `至`, `到` between the two dates. */
const DASH = String.raw`(?:-{1,2}|—{1,2}|–{1,2}|[~～〜]|至|到)`;
const ENTRY = new RegExp(String.raw`^${DATE}\s*(?:${DASH}\s*(?:${DATE}|至今|今)?)?\s*(.*)$`);

const validMonth = (y: string, m: string): PartialDate | null => {
  const n = Number(m);
  return n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : null;
};

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Continuation lines are joined without a space when either side is Chinese (wrapped text). */
function join(a: string, b: string): string {
  if (a === '') return b;
  return WIDE.test(a.slice(-1)) || WIDE.test(b.charAt(0)) ? `${a}${b}` : `${a} ${b}`;
}

/**
 * Best-effort reading of a pasted 简历: a line starting with a date (`1987.03--1990.07`, `1987.03-1990.07`,
 * `1987.03—1990.07`, `1987.03～1990.07`, `2021.04--至今`, or just `2021.04--` for an open post) starts an
 * entry; other lines continue the previous entry. Lines before the first entry and blank lines are skipped.
 * The `—` and `～` may be full- or half-width; digits may be full-width.
 */
export function parseResumeText(text: string): ResumeLine[] {
  const out: ResumeLine[] = [];
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const m = ENTRY.exec(toHalfWidth(line));
    const start = m?.[1] !== undefined && m[2] !== undefined ? validMonth(m[1], m[2]) : null;
    const endValid = m?.[3] !== undefined && m[4] !== undefined ? validMonth(m[3], m[4]) : null;
    if (m && start !== null && (m[3] === undefined || endValid !== null)) {
      // keep the text as typed (full-width characters included): take the tail of the original line
      const rest = m[5] ?? '';
      out.push({ start, end: endValid, text: line.slice(line.length - rest.length).trim() });
      continue;
    }
    const last = out[out.length - 1];
    if (last) last.text = join(last.text, line);
  }
  return out;
}
