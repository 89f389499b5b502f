import { checkIdAgainstRecord, parseIdNumber } from './id-number.ts';
import type { CadreRecord } from './record.ts';

export interface FieldProblem {
  /** dotted path of the field, e.g. `idNumber`, `appointments.2.end` */
  field: string;
  message: string;
}

/** A partial date as its first day, `YYYY-MM-DD`. */
const firstDay = (d: string) => (d.length === 7 ? `${d}-01` : d);

function addYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/**
 * Cross-field checks of a cadre record at `today` (YYYY-MM-DD), each with a Chinese message:
 * ID number (GB 11643) agrees with birth date and gender; no date in the future; party membership
 * after the 18th birthday; work after birth; posts end after they start.
 */
export function validateCadreRecord(r: CadreRecord, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (r.idNumber) {
    const parsed = parseIdNumber(r.idNumber);
    if (!parsed.ok) problems.push({ field: 'idNumber', message: parsed.message });
    else
      for (const message of checkIdAgainstRecord(parsed.normalized, {
        birthDate: r.birthDate,
        gender: r.gender,
      })) {
        problems.push({ field: 'idNumber', message });
      }
  }
  if (r.phone && !MOBILE.test(r.phone) && !LANDLINE.test(r.phone)) {
    problems.push({ field: 'phone', message: '联系电话应为 11 位手机号或带区号的固定电话' });
  }
  const dates: [string, string | null, string][] = [
    ['birthDate', r.birthDate, '出生日期'],
    ['partyJoinDate', r.partyJoinDate, '入党时间'],
    ['workStartDate', r.workStartDate, '参加工作时间'],
  ];
  r.appointments.forEach((a, i) => {
    dates.push([`appointments.${i}.start`, a.start, `第 ${i + 1} 条任职的开始时间`]);
    dates.push([`appointments.${i}.end`, a.end, `第 ${i + 1} 条任职的结束时间`]);
  });
  for (const [field, value, label] of dates) {
    if (value && firstDay(value) > today) problems.push({ field, message: `${label}不能晚于今天` });
  }
  const birth = firstDay(r.birthDate);
  if (
    r.partyJoinDate &&
    firstDay(r.partyJoinDate) < addYears(birth, 18).slice(0, r.partyJoinDate.length === 7 ? 7 : 10)
  ) {
    problems.push({ field: 'partyJoinDate', message: '入党时间应在年满 18 周岁之后' });
  }
  if (r.workStartDate && firstDay(r.workStartDate) < birth) {
    problems.push({ field: 'workStartDate', message: '参加工作时间不能早于出生日期' });
  }
  r.appointments.forEach((a, i) => {
    if (a.end && firstDay(a.end) < firstDay(a.start)) {
      problems.push({ field: `appointments.${i}.end`, message: `第 ${i + 1} 条任职的结束时间早于开始时间` });
    }
  });
  return problems;
}
