import type { mineZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `mine/` pages (same keys as Chinese). */
export const mineEn: typeof mineZhCN = {
  title: 'My training',
  yearTotal: 'Training in {{year}}',
  daysOf: 'days of {{required}} required',
  daysNoRequirement: 'days (no days required)',
  shortfall: '{{days}} days still missing',
  requirements: 'Requirements',
  met: 'Met',
  missing: 'Missing',
  attendance: 'Attendance',
  noAttendance: 'No training recorded this year',
  credit: '{{days}} days',
  absent: 'Absent',
  enrolments: 'My enrolments',
  noEnrolments: 'No enrolments',
  open: 'Open for application',
  noOpen: 'No programme open for application',
  apply: 'Apply',
  applied: 'Applied',
  applyTitle: 'Apply: {{name}}',
  applyNote: 'Note (optional)',
  appliedOk: 'Applied; the organiser will decide',
};
