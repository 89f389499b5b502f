import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, workingPeriod } from '../calendar/working-calendar.ts';
import {
  noticePeriodText,
  outcomeReason,
  resultProblem,
  stepBlockers,
  type BlockerInput,
  type StepResultValues,
} from './process-rules.ts';

const none: StepResultValues = {
  votesFor: null,
  votesAgainst: null,
  votesAbstain: null,
  score: null,
  passed: null,
  finding: '',
};

describe('[selection] step results by the step type', () => {
  it('asks each type for its own values', () => {
    expect(resultProblem('recommendation', '民主推荐', { ...none, votesFor: 3 })).toBe(
      '民主推荐须录入赞成票和反对票数（弃权票未填按 0 票计）',
    );
    expect(resultProblem('recommendation', '民主推荐', { ...none, votesFor: 3, votesAgainst: 0 })).toBeNull();
    expect(resultProblem('test', '综合测试', none)).toBe('综合测试须录入测试得分');
    expect(resultProblem('review', '联审', { ...none, passed: false })).toBe('联审未通过的，须写明意见');
    expect(resultProblem('inspection', '考察', { ...none, passed: true })).toBeNull();
    expect(resultProblem('notice', '任前公示', none)).toBe('“任前公示”环节不按人选录入结果');
  });

  it('the pack’s pass marks put a candidate out with the reason computed', () => {
    expect(outcomeReason({ type: 'test', passScore: 60 }, '综合测试', { ...none, score: 59.5 })).toBe(
      '综合测试得分 59.5 分，低于政策包规定的合格分数线 60 分',
    );
    expect(outcomeReason({ type: 'test', passScore: 60 }, '综合测试', { ...none, score: 60 })).toBeNull();
    expect(outcomeReason({ type: 'test', passScore: null }, '综合测试', { ...none, score: 1 })).toBeNull();
    // 20 of 45 votes cast = 44.4 % < 50 %
    expect(
      outcomeReason({ type: 'recommendation', passPercent: 50 }, '会议推荐', {
        ...none,
        votesFor: 20,
        votesAgainst: 20,
        votesAbstain: 5,
      }),
    ).toBe('会议推荐赞成票 20 票，占投票总数 45 票的 44.4%，低于政策包规定的 50%');
    expect(
      outcomeReason({ type: 'recommendation', passPercent: 50 }, '会议推荐', {
        ...none,
        votesFor: 20,
        votesAgainst: 20,
        votesAbstain: 0,
      }),
    ).toBeNull();
    expect(outcomeReason({ type: 'review' }, '联审', { ...none, passed: false, finding: '学历不符' })).toBe(
      '联审未通过：学历不符',
    );
  });
});

describe('[selection] what keeps a process at its step', () => {
  const base: BlockerInput = {
    stepName: '任前公示',
    type: 'notice',
    candidates: [
      { id: 'a', name: '甲', status: 'chosen' },
      { id: 'b', name: '乙', status: 'in' },
    ],
    recorded: new Set(),
    notice: null,
    today: '2026-11-02',
  };

  it('a notice: none issued, running on its last day, an objection open; none after the end', () => {
    expect(stepBlockers(base)).toEqual([{ code: 'SELECTION_STEP_INCOMPLETE', message: '尚未发布任前公示' }]);
    const running = stepBlockers({
      ...base,
      notice: { end: '2026-11-02', workingDays: 5, openObjections: 2 },
    });
    expect(running.map((b) => b.code)).toEqual(['SELECTION_NOTICE_RUNNING', 'SELECTION_OBJECTION_OPEN']);
    expect(running[1]!.message).toBe('任前公示期间收到的反映问题尚有 2 件未办结');
    expect(
      stepBlockers({ ...base, notice: { end: '2026-11-01', workingDays: 5, openObjections: 0 } }),
    ).toEqual([]);
  });

  it('a recording step names those without a result; the decision needs someone chosen', () => {
    expect(stepBlockers({ ...base, stepName: '考察', type: 'inspection', recorded: new Set(['b']) })).toEqual(
      [],
    );
    expect(
      stepBlockers({
        ...base,
        stepName: '考察',
        type: 'inspection',
        candidates: [...base.candidates.slice(1)],
      }),
    ).toEqual([{ code: 'SELECTION_STEP_INCOMPLETE', message: '考察尚有 1 名人选未录入结果：乙' }]);
    expect(
      stepBlockers({
        ...base,
        stepName: '讨论决定',
        type: 'decision',
        candidates: [{ id: 'b', name: '乙', status: 'in' }],
      }),
    ).toEqual([{ code: 'SELECTION_STEP_INCOMPLETE', message: '讨论决定尚未确定拟任人选' }]);
  });
});

describe('[selection] the notice period in words', () => {
  it('from 2026-09-30 for 5 working days: National Day and the Sunday skipped, ends 2026-10-12', () => {
    const cal = buildWorkingCalendar([]);
    const period = workingPeriod(cal, '2026-09-30', 5);
    expect(period.date).toBe('2026-10-12');
    expect(noticePeriodText('2026-09-30', period.date, 5, period.skipped)).toBe(
      '公示自 2026年9月30日 起（含当日）计 5 个工作日，至 2026年10月12日 止；其间 10月1日至10月7日（国庆节）、10月11日（周末） 不计入工作日。',
    );
  });
});
