import type { TalkRequestState } from '../contracts/care/talks.ts';

/**
 * Rules of the talks part that hold whatever the storage: the words of a plan pair, and a two-way
 * appointment's state on a day (dates are `YYYY-MM-DD`, so their string order is their calendar order).
 */

/** 区委书记 王某 与 甲街道 党工委书记 张某：丰泽政策包“…”每年1次，已谈1次 */
export function talkPairText(p: {
  packName: string;
  ruleName: string;
  leaderTitle: string;
  leaderName: string;
  orgName: string;
  postTitle: string;
  cadreName: string;
  times: number;
  held: number;
}): string {
  const post = p.postTitle ? `${p.postTitle} ` : '';
  return (
    `${p.leaderTitle} ${p.leaderName} 与 ${p.orgName} ${post}${p.cadreName}：` +
    `${p.packName}“${p.ruleName}”每年${p.times}次，${p.held >= p.times ? '已完成' : `已谈${p.held}次`}`
  );
}

/**
 * A request's state on `today`: waiting for the answer until its last day, overdue from the day after;
 * answered (on time) or answered late (after the last day); withdrawn.
 */
export function talkRequestState(
  r: { status: 'open' | 'done' | 'rejected' | 'withdrawn'; dueOn: string | null; answeredOn: string | null },
  today: string,
): TalkRequestState {
  if (r.status === 'withdrawn' || r.status === 'rejected') return 'withdrawn';
  if (r.status === 'done')
    return r.dueOn !== null && r.answeredOn !== null && r.answeredOn > r.dueOn ? 'answered_late' : 'answered';
  return r.dueOn !== null && today > r.dueOn ? 'overdue' : 'waiting';
}

const STATE_TEXT: Record<TalkRequestState, string> = {
  waiting: '等待答复',
  overdue: '已逾期未答复',
  answered: '已按时答复',
  answered_late: '逾期后答复',
  withdrawn: '已撤回',
};

/** 2026-09-25 提出，按丰泽政策包“双向约谈”领导答复时限10个工作日，应于2026-10-14前答复；已逾期未答复 */
export function talkRequestText(r: {
  packName: string;
  kindName: string;
  requestedOn: string;
  workingDays: number | null;
  dueOn: string | null;
  answeredOn: string | null;
  state: TalkRequestState;
}): string {
  const limit =
    r.dueOn === null || r.workingDays === null
      ? '该事项流程未设答复时限'
      : `按${r.packName}“${r.kindName}”领导答复时限${r.workingDays}个工作日（不含提出当日），应于${r.dueOn}前答复`;
  const answered = r.answeredOn ? `，${r.answeredOn} 答复` : '';
  return `${r.requestedOn} 提出，${limit}${answered}；${STATE_TEXT[r.state]}`;
}
