/** Simplified Chinese texts of the care module's `coverage/` pages. */
export const coverageZhCN = {
  title: '关爱覆盖情况',
  unitPlaceholder: '选择单位（默认全部）',
  kind: { health: '体检', talk: '谈心谈话', leave: '年休假' },
  yearOption: '{{year}}年',
  totalLine: '应完成 {{planned}}，已完成 {{done}}，覆盖率 {{rate}}',
  col: { unit: '单位', rate: '覆盖率' },
  planned: { health: '应体检人数', talk: '计划谈话人次', leave: '应休天数' },
  done: { health: '已体检人数', talk: '已谈人次', leave: '已休天数' },
  nothingPlanned: '无计划',
};
