import { formatDot } from '../cadre/officer-date.ts';
import { resumeAppointments, type ResumeAppointment } from '../cadre/resume.ts';
import { parseResume } from '../cadre/resume-parse.ts';
import type { LrmxPerson } from './person.ts';
import { lrmxToRecordDraft, type LrmxRecordDraft } from './to-record.ts';

export interface LrmxRecordInput {
  /** the draft (extras.JianLi keeps the 简历 verbatim), the unit and the appointments the 简历 stands for */
  input: LrmxRecordDraft & { orgId: string; appointments: ResumeAppointment[] };
  warnings: string[];
}

/**
 * The registry record of an approval form, before validation: the fields `lrmxToRecordDraft` maps, the
 * posts of its 简历 (`parseResume`: study periods and 其间 study are no posts) as appointments, and the
 * 简历 text itself kept verbatim in `extras.JianLi` so the form prints and exports it exactly as it came.
 * A form without 参加工作时间 takes the start of its first post (never a study period), with a warning.
 */
export function lrmxToRecordInput(person: LrmxPerson, orgId: string): LrmxRecordInput {
  const { draft, warnings } = lrmxToRecordDraft(person);
  const parsed = parseResume(person.JianLi);
  const appointments = resumeAppointments(parsed);
  warnings.push(...parsed.notes.map((n) => n.message));
  if ((draft.workStartDate ?? null) === null && person.CanJiaGongZuoShiJian === '') {
    const first = [...appointments].sort((a, b) => a.start.localeCompare(b.start))[0];
    if (first !== undefined) {
      draft.workStartDate = first.start;
      warnings.push(
        `参加工作时间为空，已按简历中第一段任职的开始时间 ${formatDot(first.start)} 填写，请核对`,
      );
    }
  }
  return { input: { ...draft, orgId, appointments }, warnings };
}
