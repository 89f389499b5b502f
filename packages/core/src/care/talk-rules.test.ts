import { describe, expect, it } from 'vitest';
import { pairingReviewDue, pairingReviewState } from '../pairing/review.ts';
import { talkRequestState } from './talk-rules.ts';

describe('a two-way appointment on a day', () => {
  const open = { status: 'open' as const, dueOn: '2026-10-15', answeredOn: null };
  it('waits through its last day and is overdue from the next', () => {
    expect(talkRequestState(open, '2026-10-15')).toBe('waiting');
    expect(talkRequestState(open, '2026-10-16')).toBe('overdue');
    expect(talkRequestState({ ...open, dueOn: null }, '2030-01-01')).toBe('waiting');
  });
  it('answered on the last day is on time, the day after is late; withdrawn is withdrawn', () => {
    expect(
      talkRequestState({ status: 'done', dueOn: '2026-10-15', answeredOn: '2026-10-15' }, '2026-12-01'),
    ).toBe('answered');
    expect(
      talkRequestState({ status: 'done', dueOn: '2026-10-15', answeredOn: '2026-10-16' }, '2026-12-01'),
    ).toBe('answered_late');
    expect(talkRequestState({ ...open, status: 'withdrawn' }, '2026-12-01')).toBe('withdrawn');
  });
});

describe('the pairing review cycle', () => {
  it('counts months from the start, then the last review; a month without the day gives its last day', () => {
    expect(pairingReviewDue('2026-03-01', null, 12)).toBe('2027-03-01');
    expect(pairingReviewDue('2026-03-01', '2026-09-15', 12)).toBe('2027-09-15');
    expect(pairingReviewDue('2026-01-31', null, 1)).toBe('2026-02-28');
  });
  it('is ok, due within a month, overdue after the day; none once ended', () => {
    expect(pairingReviewState('2026-12-03', null, '2026-11-02')).toBe('ok');
    expect(pairingReviewState('2026-12-02', null, '2026-11-02')).toBe('due');
    expect(pairingReviewState('2026-11-02', null, '2026-11-02')).toBe('due');
    expect(pairingReviewState('2026-11-01', null, '2026-11-02')).toBe('overdue');
    expect(pairingReviewState('2026-11-01', '2026-10-01', '2026-11-02')).toBeNull();
    // ends later: still reviewed until then
    expect(pairingReviewState('2026-11-01', '2026-12-31', '2026-11-02')).toBe('overdue');
  });
});
