/**
 * 简历 lines and 现任职务 write unit and post as one run of text ("区民政局科员、副主任科员",
 * "鼓楼街道党工委书记", "狮子村党支部书记、村委会主任"). Splitting it back is a convention, not a rule:
 * the trailing run of known post titles (joined by 、 or 兼) is the title, the rest is the unit. Text with
 * no known title at its end stays whole, as the unit, so nothing is lost.
 */

import { POST_TITLES, TITLE_PREFIXES } from './post-titles.ts';

const SEPARATORS = /(、|兼|，|,)/;

/** The title `text` ends with, with a prefix that belongs to it ("常务副区长"), or undefined. */
function endingTitle(text: string): string | undefined {
  const title = POST_TITLES.find((t) => text.endsWith(t));
  if (title === undefined) return undefined;
  const before = text.slice(0, text.length - title.length);
  const prefix = TITLE_PREFIXES.find((p) => before.endsWith(p));
  return prefix === undefined ? title : `${prefix}${title}`;
}

/**
 * Split at the separators (、 兼 ，): when every segment after the first ends with a title (a title may
 * carry its body: "村委会主任", "武装部部长") and the first segment ends with one, the first segment's
 * title and everything after it are the title. Otherwise only a trailing title of the whole text is.
 */
export function splitPostText(text: string): { unitName: string; title: string } {
  const trimmed = text.trim();
  const parts = trimmed.split(SEPARATORS);
  const first = parts[0] ?? '';
  const segments = parts.filter((_, i) => i % 2 === 0);
  const firstTitle = endingTitle(first);
  if (segments.length > 1 && firstTitle && segments.slice(1).every((seg) => endingTitle(seg))) {
    const unitName = first.slice(0, first.length - firstTitle.length);
    return { unitName, title: trimmed.slice(unitName.length) };
  }
  const title = endingTitle(trimmed);
  if (!title) return { unitName: trimmed, title: '' };
  return { unitName: trimmed.slice(0, trimmed.length - title.length), title };
}

/**
 * `splitPostText`, saying whether the split can be trusted: it cannot when no known title ends the text
 * (the whole text is kept as the unit) or when nothing is left for the unit. The officer is asked to check
 * those rather than the system guessing.
 */
export function splitPostTextChecked(text: string): { unitName: string; title: string; sure: boolean } {
  const split = splitPostText(text);
  return { ...split, sure: split.title !== '' && split.unitName !== '' };
}

/**
 * 现任职务 as the 任免审批表 prints it: unit and post as one run ("区委办公室副主任"). A post title kept without
 * its unit (`副主任`, as the registry form and the demo keep it) gets the unit of the open appointment holding
 * that title, else the cadre's own unit; a title that already names a unit (an LRMX's 现任职务) stays as written.
 */
export function currentPostText(r: {
  postTitle: string;
  orgName: string;
  appointments: readonly { unitName: string; title: string; start: string; end: string | null }[];
}): string {
  const title = r.postTitle.trim();
  if (!title || splitPostText(title).unitName) return title;
  const holding = r.appointments
    .filter((a) => a.end === null && a.title.trim() === title)
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  return `${holding?.unitName ?? r.orgName}${title}`;
}
