import type { GradeBallotInput, GradeVote } from '@ganbu/core';
import { AppError } from '../../platform/errors.ts';

/**
 * A grade ballot (一票一档) checked against its round's vote grades: every target shown voted once, each
 * with one of the pack's vote grades. Refused whole (400 BALLOT_INVALID, the problems listed) otherwise.
 */
export function checkGradeBallot(
  spec: GradeVote,
  targets: readonly { id: string }[],
  input: GradeBallotInput,
): { target_id: string; grade: string }[] {
  const expected = new Set(targets.map((t) => t.id));
  const codes = new Set(spec.grades.map((g) => g.code));
  const seen = new Set<string>();
  const problems: string[] = [];
  const votes = input.grades.map((v, i) => {
    if (!expected.has(v.targetId)) problems.push(`第 ${i + 1} 项：评议对象不在本票范围内`);
    else if (seen.has(v.targetId)) problems.push(`第 ${i + 1} 项：同一对象投了两次`);
    seen.add(v.targetId);
    if (!codes.has(v.grade))
      problems.push(`第 ${i + 1} 项：等次只能选${spec.grades.map((g) => `“${g.name}”`).join('、')}之一`);
    return { target_id: v.targetId, grade: v.grade };
  });
  for (const id of expected) if (!seen.has(id)) problems.push('还有评议对象没有选择等次');
  if (problems.length)
    throw new AppError(400, 'BALLOT_INVALID', '选票填写不完整或有误', { problems: [...new Set(problems)] });
  return votes;
}

/** A ballot of the other form than the slip's round takes (scores on a grade round, or the reverse). */
export const wrongBallotForm = (form: 'scores' | 'grade') =>
  new AppError(
    400,
    'BALLOT_FORM',
    form === 'grade' ? '本轮评议为等次票，请为每位对象选择一个等次' : '本轮评议为评分票，请逐项评分',
    { ballotForm: form },
  );
