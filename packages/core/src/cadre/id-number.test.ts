import { describe, expect, it } from 'vitest';
import { checkIdAgainstRecord, idCheckChar, maskIdNumber, maskPhone, parseIdNumber } from './id-number.ts';

describe('idCheckChar (GB 11643-1999, MOD 11-2)', () => {
  it('gives X for the classic example 11010519491231002X', () => {
    // digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; '10X98765432'[2] = 'X'
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('gives 3 for 11010519860512001', () => {
    // 7+9+0+5+0+20+2+9+48+18+0+45+10+10+0+0+2 = 185; 185 mod 11 = 9; '10X98765432'[9] = '3'
    expect(idCheckChar('11010519860512001')).toBe('3');
  });

  it('gives 4 for 44052418800101001', () => {
    // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8; '10X98765432'[8] = '4'
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
});

describe('parseIdNumber', () => {
  it('parses a valid number: birth date, gender from the 17th digit, region', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female', // 17th digit 2 is even
      regionCode: '110105',
    });
    expect(parseIdNumber('110105198605120013')).toEqual({
      ok: true,
      normalized: '110105198605120013',
      birthDate: '1986-05-12',
      gender: 'male', // 17th digit 1 is odd
      regionCode: '110105',
    });
  });

  it('normalizes lower-case x, spaces and full-width characters', () => {
    const expected = { ok: true, normalized: '11010519491231002X' };
    expect(parseIdNumber('11010519491231002x')).toMatchObject(expected);
    expect(parseIdNumber('  11010519491231002X ')).toMatchObject(expected);
    expect(parseIdNumber('110105 19491231 002X')).toMatchObject(expected);
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject(expected);
    expect(parseIdNumber('\u3000１１０１０５１９４９１２３１００２ｘ')).toMatchObject(expected);
  });

  it('rejects a wrong length, with a hint for 15-digit numbers', () => {
    expect(parseIdNumber('1101051949123100')).toEqual({
      ok: false,
      code: 'LENGTH',
      message: '身份证号应为 18 位，当前为 16 位',
    });
    expect(parseIdNumber('110105491231002')).toEqual({
      ok: false,
      code: 'LENGTH',
      message: '身份证号应为 18 位，当前为 15 位，15 位旧号码请换成 18 位身份证号',
    });
    expect(parseIdNumber('')).toMatchObject({ ok: false, code: 'LENGTH' });
  });

  it('rejects letters other than a final X', () => {
    expect(parseIdNumber('1101051949123100AX')).toEqual({
      ok: false,
      code: 'CHARS',
      message: '身份证号前 17 位应为数字，最后一位为数字或 X',
    });
    expect(parseIdNumber('11010519491231002Y')).toMatchObject({ ok: false, code: 'CHARS' });
  });

  it('rejects dates that are not on the calendar and years before 1900', () => {
    // 1999-02-30 does not exist (whatever the check digit)
    expect(parseIdNumber('110105199902300011')).toEqual({
      ok: false,
      code: 'BIRTH_DATE',
      message: '身份证号中的出生日期 19990230 不是有效日期',
    });
    expect(parseIdNumber('110105198613010011')).toMatchObject({ ok: false, code: 'BIRTH_DATE' }); // month 13
    // 440524188001010014 has a correct check digit (4, see above) but was born in 1880
    expect(parseIdNumber('440524188001010014')).toMatchObject({ ok: false, code: 'BIRTH_DATE' });
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({
      ok: false,
      code: 'CHECK_DIGIT',
      message: '身份证号校验位不正确，请核对是否有数字录入错误',
    });
    // …0512… typed as …0521…: digits at weights 10, 5 give 2·10 + 1·5 = 25 instead of 1·10 + 2·5 = 20,
    // sum 185 + 5 = 190, 190 mod 11 = 3 → check '9', not the '3' typed
    expect(parseIdNumber('110105198605210013')).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
  });
});

describe('masking', () => {
  it('masks ID numbers as first 6 + 8 stars + last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('110105198605120013')).toBe('110105********0013');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks mobiles as 138****5678 and other numbers keeping 3 + 2', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 138 1234 5678 ')).toBe('138****5678');
    // '0571-87654321' has 13 characters: 3 kept + 8 stars + 2 kept
    expect(maskPhone('0571-87654321')).toBe('057********21');
    expect(maskPhone('87654321')).toBe('876***21');
    expect(maskPhone('110')).toBe('***');
  });
});

describe('checkIdAgainstRecord', () => {
  it('accepts a record that agrees, to the day or to the month', () => {
    expect(checkIdAgainstRecord('11010519491231002X', { birthDate: '1949-12-31', gender: 'female' })).toEqual(
      [],
    );
    expect(checkIdAgainstRecord('11010519491231002X', { birthDate: '1949-12', gender: 'female' })).toEqual(
      [],
    );
  });

  it('names the birth date and gender that disagree', () => {
    expect(checkIdAgainstRecord('11010519491231002X', { birthDate: '1949-11', gender: 'male' })).toEqual([
      '身份证号中的出生日期（1949-12）与登记的出生日期（1949-11）不一致',
      '身份证号显示性别为女，与登记的性别（男）不一致',
    ]);
    expect(checkIdAgainstRecord('110105198605120013', { birthDate: '1986-05-21', gender: 'male' })).toEqual([
      '身份证号中的出生日期（1986-05-12）与登记的出生日期（1986-05-21）不一致',
    ]);
  });

  it('reports an invalid ID number instead', () => {
    expect(checkIdAgainstRecord('110105194912310021', { birthDate: '1949-12', gender: 'female' })).toEqual([
      '身份证号校验位不正确，请核对是否有数字录入错误',
    ]);
  });
});
