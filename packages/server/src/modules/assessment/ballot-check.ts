import type { ScoreBallotInput } from '@ganbu/core';
import { AppError } from '../../platform/errors.ts';
import type { RoundRules } from './repository/rounds.ts';

/** Every target shown scored once, every criterion within its maximum, at most two decimals. */
export function checkBallot(
  criteria: RoundRules['scheme']['criteria'],
  targets: readonly { id: string }[],
  input: ScoreBallotInput,
): { targetId: string; points: number[]; total: number }[] {
  const expected = new Set(targets.map((t) => t.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  const scored = input.scores.map((s, i) => {
    if (!expected.has(s.targetId)) problems.push(`第 ${i + 1} 项：评议对象不在本票范围内`);
    else if (seen.has(s.targetId)) problems.push(`第 ${i + 1} 项：同一对象评了两次`);
    seen.add(s.targetId);
    if (s.points.length !== criteria.length)
      problems.push(`第 ${i + 1} 项：应给出 ${criteria.length} 项评分`);
    const hundredths = s.points.map((p, k) => {
      const h = Math.round(p * 100);
      const c = criteria[k];
      if (Math.abs(p * 100 - h) > 1e-6) problems.push(`第 ${i + 1} 项“${c?.name ?? k + 1}”：最多两位小数`);
      if (c && h > Math.round(c.maxPoints * 100))
        problems.push(`第 ${i + 1} 项“${c.name}”：不能超过 ${c.maxPoints} 分`);
      return h;
    });
    return { targetId: s.targetId, points: hundredths, total: hundredths.reduce((a, b) => a + b, 0) };
  });
  for (const id of expected) if (!seen.has(id)) problems.push('还有评议对象没有评分');
  if (problems.length)
    throw new AppError(400, 'BALLOT_INVALID', '选票填写不完整或有误', { problems: [...new Set(problems)] });
  return scored;
}
