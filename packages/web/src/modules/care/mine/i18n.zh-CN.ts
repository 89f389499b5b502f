/** Simplified Chinese texts of 我的关爱 (the tabs; each tab's own texts are its part's). */
export const mineZhCN = {
  title: '我的关爱',
  tabs: { leave: '休假', health: '体检', talks: '约谈领导', support: '心理支持' },
};
