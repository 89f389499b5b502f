import type { OrgKind } from '../org/org-kinds.ts';
import type { PartialDate } from './model.ts';
import { toHalfWidth } from './officer-date.ts';
import { splitPostTextChecked } from './post-text.ts';
import {
  CONCURRENT_MARKERS,
  OTHER_TEXTS,
  SECONDMENT_MARKERS,
  SECONDMENT_SUFFIXES,
  STUDY_ENDINGS,
  STUDY_OPENINGS,
  UNIT_KIND_MARKERS,
} from './resume-words.ts';

/**
 * A 简历 read the way officers write it: `YYYY.MM--YYYY.MM  单位职务` lines (any dash, `至`, open-ended
 * `YYYY.MM--`), wrapped lines, `（其间：…）` sub-lines (one or several items separated by `；`, on one line or
 * spanning several), study lines, 挂职 / 兼任. The text itself is kept verbatim beside the entries, so the
 * approval form prints the resume exactly as it came.
 */

export type ResumeEntryKind = 'post' | 'study' | 'other';

export interface ResumeEntry {
  start: PartialDate;
  /** null: open-ended (`2021.04--`, `至今`) */
  end: PartialDate | null;
  /** the entry's text as written (wrapped lines joined, the 其间 part left out) */
  text: string;
  kind: ResumeEntryKind;
  /** for a post: unit and title (`splitPostText`); otherwise the text as unit and an empty title */
  unitName: string;
  title: string;
  /** false when no known title ends the text or no unit is left: the officer should check */
  titleSure: boolean;
  unitKind: OrgKind | null;
  secondment: boolean;
  concurrent: boolean;
  /** 1-based line of the original text the entry starts on */
  line: number;
  /** 其间 sub-entries; a sub-entry without dates takes its parent's period */
  during: ResumeEntry[];
}

export interface ResumeNote {
  line: number;
  message: string;
}

export interface ParsedResume {
  /** the resume exactly as given: line breaks (CRLF too), full-width spaces, 其间 lines as they were */
  text: string;
  entries: ResumeEntry[];
  /** what the officer should check, in Chinese */
  notes: ResumeNote[];
}

/** A date `YYYY.MM` (also `YYYY.M`, `YYYY-MM`, `YYYY/MM`, `YYYY年MM月`). */
const DATE = String.raw`(\d{4})(?:[./-]|年)(\d{1,2})月?`;
/** `--`, `-`, `—`, `——`, `–`, `～`, `~`, `〜`, `至`, `到` between the two dates (full-width `－－` too). */
const DASH = String.raw`(?:-{1,2}|—{1,2}|–{1,2}|[~～〜]|至|到)`;
const ENTRY = new RegExp(String.raw`^${DATE}\s*(?:${DASH}\s*(?:${DATE}|至今|今)?)?\s*(.*)$`, 's');

const OPEN = /[（(]/g;
const CLOSE = /[）)]/g;
const DURING_START = /^[（(]?\s*其间/;
const INLINE_DURING = /[（(]\s*其间/;

const validMonth = (y: string, m: string): PartialDate | null => {
  const n = Number(m);
  return n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : null;
};

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Wrapped lines are joined without a space when either side is Chinese. */
function join(a: string, b: string): string {
  if (a === '') return b;
  return WIDE.test(a.slice(-1)) || WIDE.test(b.charAt(0)) ? `${a}${b}` : `${a} ${b}`;
}

const depth = (s: string) => (s.match(OPEN)?.length ?? 0) - (s.match(CLOSE)?.length ?? 0);

/** A period at the start of `text`: dates and the text after them (as typed), or null. */
function period(text: string): { start: PartialDate; end: PartialDate | null; rest: string } | null {
  const m = ENTRY.exec(toHalfWidth(text));
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const start = validMonth(m[1], m[2]);
  const end = m[3] !== undefined && m[4] !== undefined ? validMonth(m[3], m[4]) : null;
  if (start === null || (m[3] !== undefined && end === null)) return null;
  const rest = m[5] ?? '';
  return { start, end, rest: text.slice(text.length - rest.length).trim() };
}

interface Draft {
  start: PartialDate;
  end: PartialDate | null;
  text: string;
  line: number;
  during: string;
  /** the line the 其间 part starts on */
  duringLine: number;
}

/** Reads a 简历. Never throws; what cannot be read is left in the verbatim text and, if it matters, noted. */
export function parseResume(text: string): ParsedResume {
  const drafts: Draft[] = [];
  let open: Draft | null = null; // an unclosed 其间 bracket belongs to this entry
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (open !== null) {
      open.during = join(open.during, line);
      if (depth(open.during) <= 0) open = null;
      return;
    }
    const last = drafts[drafts.length - 1];
    if (last && DURING_START.test(line)) {
      if (last.during === '') last.duringLine = i + 1;
      last.during = join(last.during, line);
      if (depth(last.during) > 0) open = last;
      return;
    }
    const p = period(line);
    if (p !== null) {
      const at = INLINE_DURING.exec(p.rest)?.index;
      const draft: Draft = {
        start: p.start,
        end: p.end,
        text: at === undefined ? p.rest : p.rest.slice(0, at).trim(),
        line: i + 1,
        during: at === undefined ? '' : p.rest.slice(at),
        duringLine: i + 1,
      };
      drafts.push(draft);
      if (depth(draft.during) > 0) open = draft;
      return;
    }
    if (last) {
      const at = INLINE_DURING.exec(line)?.index;
      if (at === undefined) last.text = join(last.text, line);
      else {
        last.text = join(last.text, line.slice(0, at).trim());
        if (last.during === '') last.duringLine = i + 1;
        last.during = join(last.during, line.slice(at));
        if (depth(last.during) > 0) open = last;
      }
    }
  });

  const notes: ResumeNote[] = [];
  const entries = drafts.map((d) => {
    const entry = classify(d.start, d.end, d.text, d.line, null);
    entry.during = duringItems(d.during).map((item) => {
      const p = period(item);
      return p === null
        ? classify(d.start, d.end, item, d.duringLine, entry.unitName)
        : classify(p.start, p.end, p.rest, d.duringLine, entry.unitName);
    });
    for (const e of [entry, ...entry.during]) {
      if (e.kind === 'post' && !e.titleSure)
        notes.push({
          line: e.line,
          message: `简历第 ${e.line} 行“${e.text}”未能分出职务，已整段记为单位，请核对`,
        });
    }
    return entry;
  });
  return { text, entries, notes };
}

/** `（其间：A；B）` → ['A', 'B'] */
function duringItems(during: string): string[] {
  if (during === '') return [];
  const inner = during
    .trim()
    .replace(/^[（(]?\s*其间\s*[:：]?/, '')
    .replace(/[）)]\s*[。.]?$/, '');
  return inner
    .split(/[；;]/)
    .map((s) => s.trim().replace(/[。.]$/, ''))
    .filter((s) => s !== '');
}

const stripEnd = (s: string) => s.replace(/[。.，,；;\s]+$/, '');

function kindOf(text: string): ResumeEntryKind {
  const t = stripEnd(text);
  if (OTHER_TEXTS.includes(t)) return 'other';
  if (STUDY_ENDINGS.some((w) => t.endsWith(w)) || STUDY_OPENINGS.some((w) => t.startsWith(w))) return 'study';
  return 'post';
}

function classify(
  start: PartialDate,
  end: PartialDate | null,
  text: string,
  line: number,
  parentUnit: string | null,
): ResumeEntry {
  const kind = kindOf(text);
  const base = { start, end, text, kind, line, during: [] as ResumeEntry[] };
  if (kind !== 'post') {
    return {
      ...base,
      unitName: stripEnd(text),
      title: '',
      titleSure: true,
      unitKind: null,
      secondment: false,
      concurrent: false,
    };
  }
  const { rest, secondment, concurrent } = markers(stripEnd(text), parentUnit !== null);
  const checked = splitPostTextChecked(rest);
  // a 其间 item naming only a title ("兼任党委委员") holds it in the parent's unit
  const split =
    parentUnit && checked.unitName === '' && checked.title !== ''
      ? { unitName: parentUnit, title: checked.title, sure: true }
      : checked;
  return {
    ...base,
    unitName: split.sure ? split.unitName : rest,
    title: split.sure ? split.title : '',
    titleSure: split.sure,
    unitKind: unitKindOf(split.sure ? split.unitName : rest),
    secondment,
    concurrent,
  };
}

/** Takes the 挂职 / 兼任 words out: "在某县挂职任副县长" → "某县副县长", secondment. */
function markers(text: string, sub: boolean): { rest: string; secondment: boolean; concurrent: boolean } {
  let rest = text;
  let secondment = false;
  let concurrent = false;
  const suffix = SECONDMENT_SUFFIXES.find((s) => rest.endsWith(s));
  if (suffix !== undefined) {
    rest = rest.slice(0, rest.length - suffix.length);
    secondment = true;
  }
  const marker = SECONDMENT_MARKERS.find((m) => rest.includes(m));
  if (marker !== undefined) {
    const at = rest.indexOf(marker);
    rest = rest.slice(0, at).replace(/^在/, '') + rest.slice(at + marker.length);
    secondment = true;
  }
  // 兼任 opens a 其间 item or a line; inside a line "副镇长兼武装部部长" is one run of titles
  const concurrentMarker = CONCURRENT_MARKERS.find((m) => rest.startsWith(m) && (sub || m.length > 1));
  if (concurrentMarker !== undefined) {
    rest = rest.slice(concurrentMarker.length);
    concurrent = true;
  }
  return { rest: rest.trim(), secondment, concurrent };
}

export function unitKindOf(unitName: string): OrgKind | null {
  return UNIT_KIND_MARKERS.find((m) => m.pattern.test(unitName))?.kind ?? null;
}
