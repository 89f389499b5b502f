import { describe, expect, it } from 'vitest';
import {
  explainGradeVotes,
  gradeCountsInOrder,
  gradeGroupAggregate,
  gradeVoteScores,
} from './grade-ballot.ts';
import { gradeBallotScheme } from './test-fixtures.ts';

const scheme = gradeBallotScheme();
const spec = scheme.gradeVote!;

describe('grade votes in the score engine (一票一档)', () => {
  it('a vote is a one-criterion ballot of its grade’s points', () => {
    expect(
      gradeVoteScores(scheme, [
        { ballotId: 'b1', groupId: 'staff', targetId: 't', grade: 'competent' },
        { ballotId: 'b2', groupId: 'staff', targetId: 't', grade: 'unfit' },
      ]),
    ).toEqual([
      { ballotId: 'b1', groupId: 'staff', targetId: 't', points: [8000] },
      { ballotId: 'b2', groupId: 'staff', targetId: 't', points: [0] },
    ]);
    expect(() =>
      gradeVoteScores(scheme, [{ ballotId: 'b', groupId: 'staff', targetId: 't', grade: 'good' }]),
    ).toThrow(RangeError);
  });

  it('a group’s counts give the aggregate: count, Σ points, highest and lowest vote', () => {
    // 2 优秀, 1 称职, 0 基本称职, 1 不称职: Σ = 20000 + 8000 + 0 = 28000
    expect(gradeGroupAggregate(spec, { groupId: 'staff', counts: [2, 1, 0, 1] })).toEqual({
      groupId: 'staff',
      ballotCount: 4,
      sumHundredths: 28000n,
      maxHundredths: 10000n,
      minHundredths: 0n,
    });
    expect(gradeGroupAggregate(spec, { groupId: 'staff', counts: [0, 3, 0, 0] })).toMatchObject({
      ballotCount: 3,
      sumHundredths: 24000n,
      maxHundredths: 8000n,
      minHundredths: 8000n,
    });
    expect(
      gradeCountsInOrder(
        spec,
        new Map([
          ['unfit', 1],
          ['excellent', 2],
        ]),
      ),
    ).toEqual([2, 0, 0, 1]);
    expect(() => gradeCountsInOrder(spec, new Map([['good', 1]]))).toThrow(RangeError);
  });

  it('explains per group in scheme order and over the shown groups; a hidden group is left out of both', () => {
    const counts = [
      { groupId: 'staff', counts: [1, 2, 1, 1] },
      { groupId: 'leaders', counts: [2, 1, 0, 0] },
    ];
    const all = explainGradeVotes(scheme, counts);
    expect(all.groups.map((g) => [g.groupId, g.name, g.total, g.scoreHundredths])).toEqual([
      ['leaders', '领导班子', 3, 9333], // (200 + 80) / 3 = 93.333… → 93.33
      ['staff', '机关干部', 5, 6400], // (100 + 160 + 60 + 0) / 5 = 64
    ]);
    // together: 3 优秀, 3 称职, 1 基本称职, 1 不称职 of 8 → 37.50 %, 37.50 %, 12.50 %, 12.50 %; shares only
    expect(all.overall!.grades.map((g) => [g.count, g.shareHundredths])).toEqual([
      [3, 3750],
      [3, 3750],
      [1, 1250],
      [1, 1250],
    ]);
    expect(all.overall!.scoreHundredths).toBeNull();
    expect(all.overall!.explanation).toEqual([
      '有效票 8 张：优秀 3 票（37.50%），称职 3 票（37.50%），基本称职 1 票（12.50%），不称职 1 票（12.50%）',
    ]);
    expect(all.groups[1]!.explanation[1]).toBe(
      '得分 = (1×100.00 + 2×80.00 + 1×60.00 + 1×0.00) ÷ 5 = 64.00 分（两位小数，四舍五入）',
    );
    const hidden = explainGradeVotes(scheme, counts, new Set(['leaders']));
    expect(hidden.groups.map((g) => g.groupId)).toEqual(['staff']);
    expect(hidden.overall!.total).toBe(5);
    expect(explainGradeVotes(scheme, counts, new Set(['leaders', 'staff'])).overall).toBeNull();
  });
});
