/**
 * 简历 lines and 现任职务 write unit and post as one run of text ("区民政局科员、副主任科员",
 * "鼓楼街道党工委书记", "狮子村党支部书记、村委会主任"). Splitting it back is a convention, not a rule:
 * the trailing run of known post titles (joined by 、 or 兼) is the title, the rest is the unit. Text with
 * no known title at its end stays whole, as the unit, so nothing is lost.
 */

/** Post titles as officers write them, longest first so "副主任科员" wins over "主任科员" over "科员". */
const TITLES = [
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '二级科员',
  '副主任科员',
  '主任科员',
  '副调研员',
  '调研员',
  '一级调研员',
  '二级调研员',
  '三级调研员',
  '四级调研员',
  '党组书记',
  '党组副书记',
  '党组成员',
  '党委书记',
  '党委副书记',
  '党委委员',
  '党工委书记',
  '党工委副书记',
  '党工委委员',
  '党支部书记',
  '党总支书记',
  '村委会主任',
  '村委会副主任',
  '居委会主任',
  '居委会副主任',
  '纪工委书记',
  '纪委书记',
  '支部书记',
  '副书记',
  '书记',
  '委员',
  '常委',
  '副主任',
  '主任',
  '副局长',
  '局长',
  '副镇长',
  '镇长',
  '副乡长',
  '乡长',
  '副区长',
  '区长',
  '副县长',
  '县长',
  '副处长',
  '处长',
  '副科长',
  '科长',
  '副所长',
  '所长',
  '副站长',
  '站长',
  '副队长',
  '队长',
  '副主席',
  '主席',
  '副部长',
  '部长',
  '副院长',
  '院长',
  '副校长',
  '校长',
  '副经理',
  '经理',
  '副组长',
  '组长',
  '副会长',
  '会长',
  '办事员',
  '科员',
  '干事',
  '工作人员',
  '职员',
  '文书',
  '会计',
  '出纳',
  '教师',
  '医生',
  '辅导员',
  '管理员',
  '网格员',
  '专职委员',
  '成员',
  '秘书',
  '助理',
  '主管',
  '负责人',
  '指导员',
  '协理员',
].sort((a, b) => b.length - a.length);

const SEPARATORS = /(、|兼|，|,)/;

const endingTitle = (text: string) => TITLES.find((t) => text.endsWith(t));

/**
 * Split at the separators (、 兼 ，): when every segment after the first ends with a title (a title may
 * carry its body: "村委会主任", "武装部部长") and the first segment ends with one, the first segment's
 * title and everything after it are the title. Otherwise only a trailing title of the whole text is.
 */
export function splitPostText(text: string): { unitName: string; title: string } {
  const trimmed = text.trim();
  const parts = trimmed.split(SEPARATORS);
  const first = parts[0] ?? '';
  const segments = parts.filter((_, i) => i % 2 === 0);
  const firstTitle = endingTitle(first);
  if (segments.length > 1 && firstTitle && segments.slice(1).every((seg) => endingTitle(seg))) {
    const unitName = first.slice(0, first.length - firstTitle.length);
    return { unitName, title: trimmed.slice(unitName.length) };
  }
  const title = endingTitle(trimmed);
  if (!title) return { unitName: trimmed, title: '' };
  return { unitName: trimmed.slice(0, trimmed.length - title.length), title };
}

/**
 * 现任职务 as the 任免审批表 prints it: unit and post as one run ("区委办公室副主任"). A post title kept without
 * its unit (`副主任`, as the registry form and the demo keep it) gets the unit of the open appointment holding
 * that title, else the cadre's own unit; a title that already names a unit (an LRMX's 现任职务) stays as written.
 */
export function currentPostText(r: {
  postTitle: string;
  orgName: string;
  appointments: readonly { unitName: string; title: string; start: string; end: string | null }[];
}): string {
  const title = r.postTitle.trim();
  if (!title || splitPostText(title).unitName) return title;
  const holding = r.appointments
    .filter((a) => a.end === null && a.title.trim() === title)
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  return `${holding?.unitName ?? r.orgName}${title}`;
}
