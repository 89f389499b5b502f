import type { Appointment, PartialDate } from './model.ts';
import { firstDay, formatDot } from './officer-date.ts';
import { parseResume, type ParsedResume, type ResumeEntry } from './resume-parse.ts';
import { SECONDMENT_TITLE_NOTE } from './resume-words.ts';

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

/**
 * The entries of a pasted 简历 as period and text: the top-level lines of `parseResume` (wrapped lines
 * joined, 其间 parts left out). Lines before the first entry and blank lines are skipped.
 */
export function parseResumeText(text: string): ResumeLine[] {
  return parseResume(text).entries.map((e) => ({ start: e.start, end: e.end, text: e.text }));
}

/** The appointments a 简历 stands for, as the registry keeps them. */
export type ResumeAppointment = Pick<Appointment, 'unitName' | 'unitKind' | 'title' | 'start' | 'end'>;

/**
 * The posts of a parsed 简历, 其间 posts (挂职, 兼任) included, in the order written. Study and other periods
 * are no appointments: they count neither as work nor at the grassroots. A post held on secondment keeps
 * the fact in its title ("副县长（挂职）").
 */
export function resumeAppointments(parsed: ParsedResume): ResumeAppointment[] {
  const out: ResumeAppointment[] = [];
  const add = (e: ResumeEntry) => {
    if (e.kind !== 'post' || e.unitName === '') return;
    const title = e.secondment ? `${e.title}${SECONDMENT_TITLE_NOTE}` : e.title;
    out.push({ unitName: e.unitName, unitKind: e.unitKind, title, start: e.start, end: e.end });
  };
  for (const e of parsed.entries) {
    add(e);
    e.during.forEach(add);
  }
  return out;
}

const postKey = (a: ResumePost) =>
  `${a.start.slice(0, 7)}|${a.end?.slice(0, 7) ?? ''}|${a.unitName}${a.title}`;

/**
 * The 简历 to print for a record: the text as it came (an imported form's `extras.JianLi`, verbatim) while
 * the record's appointments are still the ones that text stands for; once an officer has changed them, the
 * standard text written from the appointments (`resumeText`), so the form never prints a stale resume.
 */
export function printedResume(r: {
  appointments: readonly ResumePost[];
  extras?: Record<string, string>;
}): string {
  const kept = r.extras?.JianLi;
  if (kept !== undefined && kept !== '') {
    const fromText = resumeAppointments(parseResume(kept)).map(postKey).sort();
    const current = r.appointments.map(postKey).sort();
    if (fromText.length === current.length && fromText.every((k, i) => k === current[i])) return kept;
  }
  return resumeText(r.appointments);
}
