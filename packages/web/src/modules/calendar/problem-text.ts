import type { TFunction } from 'i18next';
import { errorMessage } from '../../lib/errors.ts';
import { isApiError } from '../../lib/http.ts';

const PROBLEMS = [
  'CALENDAR_DATE_INVALID',
  'CALENDAR_DATE_OUT_OF_RANGE',
  'CALENDAR_OVERRIDE_NO_EFFECT',
] as const;

/** The calendar's own reason for a refusal (its problem code, or the day taken), else the general text. */
export function calendarErrorText(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    const problem = (err.details as { problem?: string } | undefined)?.problem;
    const known = PROBLEMS.find((p) => p === problem);
    if (known) return t(`calendar.problems.${known}`);
    if (err.code === 'CONFLICT') return t('calendar.problems.CONFLICT');
  }
  return errorMessage(err);
}
