/** 待办 (inbox) texts; the case components' shared words are `cases.*` of the shared bundle. */
export const zhCN = {
  inbox: {
    title: '待办',
    tabs: { pending: '待我处理', mine: '我发起的', notices: '提醒' },
    columns: {
      title: '事项',
      kind: '类型',
      step: '当前环节',
      dueOn: '期限',
      openedAt: '发起时间',
      postedAt: '提醒时间',
    },
    empty: {
      pending: '暂无待处理事项',
      mine: '暂无您发起的在办事项',
      notices: '暂无提醒',
    },
    summary: '{{pending}} 项待办',
    summaryOverdue: '{{pending}} 项待办，其中 {{overdue}} 项已逾期',
    back: '返回待办',
    timeline: '办理过程',
    yourActions: '办理',
    fields: {
      kind: '类型',
      unit: '单位',
      status: '状态',
      step: '当前环节',
      dueOn: '期限',
      openedBy: '发起人',
      openedAt: '发起时间',
      closedAt: '办结时间',
    },
  },
};
