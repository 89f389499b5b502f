import { describe, expect, it } from 'vitest';
import { formatCodeInput, normaliseBallotCode, toHalfWidth } from './ballot-code.ts';
import { checkScore, fromHundredths, tallyTarget } from './ballot-score.ts';

describe('checkScore: one box as typed → hundredths or the reason it cannot be sent', () => {
  it('accepts 0 … max with up to two decimals, counted exactly in hundredths', () => {
    expect(checkScore('40', 40)).toEqual({ ok: true, hundredths: 4000 });
    expect(checkScore('0', 40)).toEqual({ ok: true, hundredths: 0 });
    expect(checkScore('33.33', 40)).toEqual({ ok: true, hundredths: 3333 });
    // 0.29 * 100 is 28.999999999999996 in floating point: rounded to 29
    expect(checkScore('0.29', 40)).toEqual({ ok: true, hundredths: 29 });
    expect(checkScore('.5', 40)).toEqual({ ok: true, hundredths: 50 });
    expect(checkScore('7.', 40)).toEqual({ ok: true, hundredths: 700 });
    // trailing zeros are not decimals: 12.500 is 12.5
    expect(checkScore('12.500', 40)).toEqual({ ok: true, hundredths: 1250 });
    expect(checkScore(' 25 ', 30)).toEqual({ ok: true, hundredths: 2500 });
  });

  it('reads full-width digits and the Chinese full stop from a Chinese keyboard', () => {
    expect(checkScore('３８．５', 40)).toEqual({ ok: true, hundredths: 3850 });
    expect(checkScore('38。5', 40)).toEqual({ ok: true, hundredths: 3850 });
  });

  it('names what is wrong', () => {
    expect(checkScore('', 40)).toEqual({ ok: false, error: 'required' });
    expect(checkScore('   ', 40)).toEqual({ ok: false, error: 'required' });
    expect(checkScore('-1', 40)).toEqual({ ok: false, error: 'negative' });
    expect(checkScore('abc', 40)).toEqual({ ok: false, error: 'number' });
    expect(checkScore('1e1', 40)).toEqual({ ok: false, error: 'number' });
    expect(checkScore('3.5.1', 40)).toEqual({ ok: false, error: 'number' });
    expect(checkScore('12.345', 40)).toEqual({ ok: false, error: 'decimals' });
    expect(checkScore('40.01', 40)).toEqual({ ok: false, error: 'max' });
    expect(checkScore('41', 40)).toEqual({ ok: false, error: 'max' });
  });
});

describe('tallyTarget: one person’s total over the criteria', () => {
  it('sums the valid boxes and counts the others as errors', () => {
    // 40 + 27.5 = 67.5 points; the third box is empty
    expect(tallyTarget(['40', '27.5', ''], [40, 30, 30])).toEqual({
      hundredths: 6750,
      complete: false,
      errors: 1,
    });
    // 40 + 30 + 25.5 = 95.5 points, all boxes valid
    expect(tallyTarget(['40', '30', '25.5'], [40, 30, 30])).toEqual({
      hundredths: 9550,
      complete: true,
      errors: 0,
    });
    // 35 is over its maximum of 30: not counted, one error; missing boxes are errors too
    expect(tallyTarget(['10', '35'], [40, 30, 30])).toEqual({ hundredths: 1000, complete: false, errors: 2 });
  });

  it('shows hundredths as points', () => {
    expect(fromHundredths(9550)).toBe(95.5);
    expect(fromHundredths(3333)).toBe(33.33);
    expect(fromHundredths(4000)).toBe(40);
  });
});

describe('ballot codes', () => {
  it('normalises what a rater typed to XXXX-XXXX-XXXX, or refuses it', () => {
    expect(normaliseBallotCode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normaliseBallotCode('ＡＢＣＤ－ＥＦＧＨ－２３４５')).toBe('ABCD-EFGH-2345');
    // O and 0 are not in the alphabet (look-alikes); 11 characters are too few
    expect(normaliseBallotCode('ABCD-EFGH-JKMO')).toBeNull();
    expect(normaliseBallotCode('ABCD-EFGH-JK0')).toBeNull();
    expect(normaliseBallotCode('ABCD-EFGH-JKM')).toBeNull();
  });

  it('groups the code box by four while typing', () => {
    expect(formatCodeInput('abc12')).toBe('ABC1-2');
    expect(formatCodeInput('abcd-efgh-jkmn-pq')).toBe('ABCD-EFGH-JKMN');
    expect(toHalfWidth('１２　３')).toBe('12 3');
  });
});
