import { describe, expect, it } from 'vitest';
import { checkNewPairing, checkNote, checkPairingEnd } from './rules.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('pairing rules', () => {
  it('refuses a mentor who is the cadre herself', () => {
    expect(checkNewPairing({ cadreId: A, mentorId: A, startedOn: '2026-03-01' }, '2026-12-06')).toBe(
      'PAIRING_SELF',
    );
    expect(checkNewPairing({ cadreId: A, mentorId: B, startedOn: '2026-03-01' }, '2026-12-06')).toBeNull();
  });

  it('refuses a start after today, accepts today', () => {
    expect(checkNewPairing({ cadreId: A, mentorId: B, startedOn: '2026-12-07' }, '2026-12-06')).toBe(
      'PAIRING_STARTS_IN_FUTURE',
    );
    expect(checkNewPairing({ cadreId: A, mentorId: B, startedOn: '2026-12-06' }, '2026-12-06')).toBeNull();
  });

  it('an end may fall on the start day, not before it', () => {
    expect(checkPairingEnd('2026-03-01', '2026-02-28')).toBe('PAIRING_ENDS_BEFORE_START');
    expect(checkPairingEnd('2026-03-01', '2026-03-01')).toBeNull();
    expect(checkPairingEnd('2026-03-01', null)).toBeNull();
  });

  it('dates a note within the pairing and not after today', () => {
    const open = { startedOn: '2026-03-01', endedOn: null };
    const ended = { startedOn: '2026-03-01', endedOn: '2026-06-30' };
    expect(checkNote(open, '2026-02-28', '2026-12-06')).toBe('NOTE_OUTSIDE_PAIRING');
    expect(checkNote(open, '2026-03-01', '2026-12-06')).toBeNull();
    expect(checkNote(open, '2026-12-07', '2026-12-06')).toBe('NOTE_IN_FUTURE');
    expect(checkNote(ended, '2026-07-01', '2026-12-06')).toBe('NOTE_OUTSIDE_PAIRING');
    expect(checkNote(ended, '2026-06-30', '2026-12-06')).toBeNull();
  });
});
