import { describe, expect, it } from 'vitest';
import { safeCell } from '../../platform/xlsx-cell.ts';

describe('[audit] Excel export cells (SECURITY 19)', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-2')).toBe("'-2");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('鼓楼街道')).toBe('鼓楼街道');
    expect(safeCell({ a: 1 })).toBe('{"a":1}');
    expect(safeCell(null)).toBe('');
  });
});
