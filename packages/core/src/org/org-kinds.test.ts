import { describe, expect, it } from 'vitest';
import { canBeChildOf, movedPath, moveCreatesCycle } from './org-kinds.ts';

describe('org tree rules (R-ORG-1)', () => {
  it('allows villages under townships and streets only', () => {
    expect(canBeChildOf('village', 'township')).toBe(true);
    expect(canBeChildOf('village', 'street')).toBe(true);
    expect(canBeChildOf('village', 'department')).toBe(false);
    expect(canBeChildOf('district', null)).toBe(true);
    expect(canBeChildOf('street', null)).toBe(false);
  });

  it('rewrites paths of a moved subtree and detects cycles', () => {
    expect(movedPath('QY.T01.V0101', 'QY.T01.V0101', 'QY.T02')).toBe('QY.T02.V0101');
    expect(movedPath('QY.T01.V0101.ST1', 'QY.T01.V0101', 'QY.T02')).toBe('QY.T02.V0101.ST1');
    expect(() => movedPath('QY.T03', 'QY.T01', 'QY.T02')).toThrow();
    expect(moveCreatesCycle('QY.T01', 'QY.T01.V0101')).toBe(true);
    expect(moveCreatesCycle('QY.T01', 'QY.T010')).toBe(false);
  });
});
