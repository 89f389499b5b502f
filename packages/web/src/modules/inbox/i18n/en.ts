import type { zhCN } from './zh-CN.ts';

export const en: typeof zhCN = {
  inbox: {
    title: 'To-do',
    tabs: { pending: 'Waiting for me', mine: 'Opened by me', notices: 'Reminders' },
    columns: {
      title: 'Matter',
      kind: 'Kind',
      step: 'Current step',
      dueOn: 'Deadline',
      openedAt: 'Opened',
      postedAt: 'Posted',
    },
    empty: {
      pending: 'Nothing waiting for you',
      mine: 'No open matters you started',
      notices: 'No reminders',
    },
    summary: '{{pending}} waiting',
    summaryOverdue: '{{pending}} waiting, {{overdue}} overdue',
    back: 'Back to to-do',
    timeline: 'History',
    yourActions: 'Act',
    fields: {
      kind: 'Kind',
      unit: 'Unit',
      status: 'Status',
      step: 'Current step',
      dueOn: 'Deadline',
      openedBy: 'Opened by',
      openedAt: 'Opened',
      closedAt: 'Closed',
    },
  },
};
