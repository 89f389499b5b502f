import { describe, expect, it } from 'vitest';
import { rational } from './exact.ts';
import { aggregateGroup, ballotScores } from './group-aggregate.ts';

const h = (xs: number[]) => ballotScores(xs.map((x) => BigInt(Math.round(x * 100))));

describe('aggregateGroup', () => {
  it('mean: Σ / n exactly', () => {
    // (90 + 85.5 + 70) / 3 = 245.5 / 3 = 491/6
    const a = aggregateGroup(h([90, 85.5, 70]), { method: 'mean' });
    expect(a.value).toEqual(rational(491, 6));
    expect(a).toMatchObject({ applied: 'mean', ballotCount: 3, usedCount: 3, trimmed: null, fallback: null });
  });

  it('trimmedMean with 6 ballots (minBallots 5): drops one highest and one lowest', () => {
    // ballots 90, 85.5, 70, 95, 88, 60.25 → drop 95 (#3) and 60.25 (#5)
    // (90 + 85.5 + 70 + 88) / 4 = 333.5 / 4 = 83.375 = 667/8
    const a = aggregateGroup(h([90, 85.5, 70, 95, 88, 60.25]), { method: 'trimmedMean', minBallots: 5 });
    expect(a.applied).toBe('trimmedMean');
    expect(a.value).toEqual(rational(667, 8));
    expect(a.trimmed).toEqual({
      highest: { ballotId: '3', hundredths: 9500n },
      lowest: { ballotId: '5', hundredths: 6025n },
    });
    expect(a).toMatchObject({ ballotCount: 6, usedCount: 4, usedBallotIds: ['0', '1', '2', '4'] });
  });

  it('trimmedMean with 4 ballots (minBallots 5): plain mean, the fallback recorded', () => {
    // (90 + 85.5 + 70 + 95) / 4 = 340.5 / 4 = 85.125 = 681/8
    const a = aggregateGroup(h([90, 85.5, 70, 95]), { method: 'trimmedMean', minBallots: 5 });
    expect(a.applied).toBe('mean');
    expect(a.value).toEqual(rational(681, 8));
    expect(a.trimmed).toBeNull();
    expect(a.fallback).toEqual({ reason: 'belowMinBallots', minBallots: 5, ballotCount: 4 });
  });

  it('trims exactly two ballots even when the extremes repeat', () => {
    // 80, 95, 95, 60, 60 → drop one 95 (the first, #1) and one 60 (the first, #3): (80 + 95 + 60) / 3 = 235/3
    const a = aggregateGroup(h([80, 95, 95, 60, 60]), { method: 'trimmedMean', minBallots: 5 });
    expect(a.value).toEqual(rational(235, 3));
    expect(a.usedBallotIds).toEqual(['0', '2', '4']);
    // all equal: two of them go, the value is unchanged
    const same = aggregateGroup(h([80, 80, 80]), { method: 'trimmedMean', minBallots: 3 });
    expect(same.value).toEqual(rational(80));
    expect(same.usedCount).toBe(1);
  });

  it('no ballot: no value', () => {
    const a = aggregateGroup([], { method: 'mean' });
    expect(a.value).toBeNull();
    expect(a.ballotCount).toBe(0);
  });
});
