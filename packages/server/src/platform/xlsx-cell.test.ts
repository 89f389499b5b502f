import { describe, expect, it } from 'vitest';
import { safeCell, unescapeCell } from './xlsx-cell.ts';

describe('[platform] spreadsheet cells (SECURITY 19)', () => {
  it('prefixes text that a spreadsheet would run; the importer gets the very value back', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
      ['+1', "'+1"],
      ['-2', "'-2"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ["'=1", "''=1"],
      ["''+1", "'''+1"],
      ["'引号开头", "'引号开头"],
      ['鼓楼街道', '鼓楼街道'],
      ['1+1', '1+1'],
      ['', ''],
    ];
    expect(cases.map(([plain]) => safeCell(plain))).toEqual(cases.map(([, written]) => written));
    expect(cases.map(([, written]) => unescapeCell(written))).toEqual(cases.map(([plain]) => plain));
  });
});
