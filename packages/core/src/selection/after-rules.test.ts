import { describe, expect, it } from 'vitest';
import {
  checkBatch,
  checkOutcome,
  checkPastDate,
  dayBefore,
  dueSoonLimit,
  dueStateOf,
  exchangeDefaultEnd,
  postReviewDue,
  unfitMeasureDue,
} from './after-rules.ts';

describe('after-appointment dates from the pack', () => {
  it('a review 12 months after an appointment on 2026-01-15 is due 2027-01-15, explained', () => {
    expect(postReviewDue('2026-01-15', { afterMonths: 12, schemeId: null }, '济南')).toEqual({
      date: '2027-01-15',
      explanation: '2026-01-15 任职，按政策包“济南”任职满 12 个月开展任后评估，应于 2027-01-15 前完成',
    });
    // a day the month lacks gives its last day
    expect(postReviewDue('2024-02-29', { afterMonths: 12, schemeId: null }, 'x').date).toBe('2025-02-28');
  });

  it('回炉锻造 for 6 months from 2026-06-01 is due 2026-12-01', () => {
    const d = unfitMeasureDue('2026-06-01', { id: 'retrain', name: '回炉锻造', termMonths: 6 }, '丰泽');
    expect(d).toEqual({
      date: '2026-12-01',
      explanation: '2026-06-01 起回炉锻造，按政策包“丰泽”期限 6 个月，应于 2026-12-01 作出结果',
    });
  });

  it('a 12-month 挂职 from 2026-03-01 ends 2027-02-28; a 36-month 交流 from 2026-01-01 ends 2028-12-31', () => {
    const sec = { id: 'secondment', name: '挂职', movesRecord: false, defaultMonths: 12 };
    expect(exchangeDefaultEnd('2026-03-01', sec, '温州')).toEqual({
      date: '2027-02-28',
      explanation: '2026-03-01 起挂职，按政策包“温州”一般为 12 个月，至 2027-02-28',
    });
    const ex = { id: 'exchange', name: '交流', movesRecord: true, defaultMonths: 36 };
    expect(exchangeDefaultEnd('2026-01-01', ex, '温州').date).toBe('2028-12-31');
  });

  it('day before crosses months and years', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('where an item stands on 2026-11-02', () => {
  const today = '2026-11-02';
  it('due soon means by the end of next month (2026-12-31)', () => {
    expect(dueSoonLimit(today)).toBe('2026-12-31');
    expect(dueSoonLimit('2026-12-15')).toBe('2027-01-31');
  });
  it('overdue before today, due soon to 2026-12-31, scheduled after, done whatever the date', () => {
    expect(dueStateOf('2026-11-01', false, today)).toBe('overdue');
    expect(dueStateOf('2026-11-02', false, today)).toBe('due_soon');
    expect(dueStateOf('2026-12-31', false, today)).toBe('due_soon');
    expect(dueStateOf('2027-01-01', false, today)).toBe('scheduled');
    expect(dueStateOf('2026-01-01', true, today)).toBe('done');
  });
});

describe('problems', () => {
  it('a date after today or before the start', () => {
    expect(checkPastDate('2026-11-03', '2026-11-02')).toBe('AFTER_DATE_FUTURE');
    expect(checkPastDate('2026-01-01', '2026-11-02', '2026-02-01')).toBe('AFTER_DATE_BEFORE_START');
    expect(checkPastDate('2026-11-02', '2026-11-02', '2026-11-02')).toBeNull();
  });
  it('a measure exactly with 不胜任', () => {
    expect(checkOutcome('unfit', false)).toBe('AFTER_MEASURE_REQUIRED');
    expect(checkOutcome('fit', true)).toBe('AFTER_MEASURE_NOT_UNFIT');
    expect(checkOutcome('unfit', true)).toBeNull();
    expect(checkOutcome('basically_fit', false)).toBeNull();
  });
  it('a batch sends each cadre once, never to their own unit', () => {
    const a = { cadreId: 'a', homeOrgId: 'h', hostOrgId: 'x' };
    expect(checkBatch([a, { ...a, hostOrgId: 'y' }])).toBe('AFTER_CADRE_TWICE');
    expect(checkBatch([{ ...a, hostOrgId: 'h' }])).toBe('AFTER_HOST_IS_HOME');
    expect(checkBatch([a, { cadreId: 'b', homeOrgId: 'h', hostOrgId: 'x' }])).toBeNull();
  });
});
