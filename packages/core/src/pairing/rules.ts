/**
 * Rules of a pairing (结对帮扶) that hold whatever the storage: a mentor is another person, a pairing
 * ends on or after its start, and a note is dated within the pairing and not in the future.
 * Each returns the stable problem code, or null when the input is acceptable.
 */
export type PairingProblem =
  | 'PAIRING_SELF'
  | 'PAIRING_ENDS_BEFORE_START'
  | 'PAIRING_STARTS_IN_FUTURE'
  | 'NOTE_OUTSIDE_PAIRING'
  | 'NOTE_IN_FUTURE';

/** Chinese messages of the problems (the API's `message`; the web maps the code). */
export const PAIRING_PROBLEM_TEXT: Record<PairingProblem, string> = {
  PAIRING_SELF: '帮扶人不能是帮扶对象本人',
  PAIRING_ENDS_BEFORE_START: '结束日期不能早于开始日期',
  PAIRING_STARTS_IN_FUTURE: '开始日期不能晚于今天',
  NOTE_OUTSIDE_PAIRING: '记录日期须在结对期间内',
  NOTE_IN_FUTURE: '记录日期不能晚于今天',
};

/** Dates are `YYYY-MM-DD`, so their string order is their calendar order. */
export function checkNewPairing(
  p: { cadreId: string; mentorId: string; startedOn: string },
  today: string,
): PairingProblem | null {
  if (p.cadreId === p.mentorId) return 'PAIRING_SELF';
  if (p.startedOn > today) return 'PAIRING_STARTS_IN_FUTURE';
  return null;
}

export function checkPairingEnd(startedOn: string, endedOn: string | null): PairingProblem | null {
  return endedOn !== null && endedOn < startedOn ? 'PAIRING_ENDS_BEFORE_START' : null;
}

export function checkNote(
  pairing: { startedOn: string; endedOn: string | null },
  notedOn: string,
  today: string,
): PairingProblem | null {
  if (notedOn > today) return 'NOTE_IN_FUTURE';
  if (notedOn < pairing.startedOn || (pairing.endedOn !== null && notedOn > pairing.endedOn))
    return 'NOTE_OUTSIDE_PAIRING';
  return null;
}
