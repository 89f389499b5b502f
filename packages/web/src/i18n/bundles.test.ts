import { describe, expect, it } from 'vitest';

/** Every bundle of texts: the shared one (i18n/) and each module's (modules/<m>/i18n/), both languages. */
const files = import.meta.glob<Record<string, unknown>>(
  ['./{zh-CN,en}.ts', '../modules/*/i18n/{zh-CN,en}.ts'],
  {
    eager: true,
  },
);

function bundleOf(path: string): Record<string, unknown> {
  const mod = files[path] as Record<string, Record<string, unknown>>;
  const value = path.endsWith('/zh-CN.ts') ? mod.zhCN : mod.en;
  if (!value) throw new Error(`${path} exports no bundle`);
  return value;
}

/** leaf key → text */
function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else leaves(v, key, out);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const dirs = [...new Set(Object.keys(files).map((p) => p.replace(/\/(zh-CN|en)\.ts$/, '')))].sort();

describe('the i18n bundles', () => {
  it('are the shared one and one per module with texts', () => {
    expect(dirs).toEqual([
      '.',
      '../modules/assessment/i18n',
      '../modules/audit/i18n',
      '../modules/ballot/i18n',
      '../modules/burden/i18n',
      '../modules/cadres/i18n',
      '../modules/calendar/i18n',
      '../modules/care/i18n',
      '../modules/dashboard/i18n',
      '../modules/discipline/i18n',
      '../modules/honours/i18n',
      '../modules/inbox/i18n',
      '../modules/org/i18n',
      '../modules/pairing/i18n',
      '../modules/pay/i18n',
      '../modules/security/i18n',
      '../modules/selection/i18n',
      '../modules/survey/i18n',
      '../modules/training/i18n',
      '../modules/users/i18n',
    ]);
  });

  for (const dir of dirs) {
    it(`${dir}: English has exactly the zh-CN keys, with the same placeholders`, () => {
      const zh = leaves(bundleOf(`${dir}/zh-CN.ts`));
      const en = leaves(bundleOf(`${dir}/en.ts`));
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, text] of zh) {
        expect([key, placeholders(en.get(key) ?? '')]).toEqual([key, placeholders(text)]);
        expect([key, (en.get(key) ?? '').trim() === '']).toEqual([key, text.trim() === '']);
      }
    });
  }

  it('never define one key twice (a later bundle would silently lose to the first)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const dir of dirs)
      for (const key of leaves(bundleOf(`${dir}/zh-CN.ts`)).keys()) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${dir})`);
        seen.set(key, dir);
      }
    expect(twice).toEqual([]);
    // the 1,297 texts of the two files before the split (zh-CN.ts, en.ts), each still there once; since then
    // the pairing module brought 32 and its menu label 1, and the round form's cadre search (2) became the
    // shared cadre picker's (3), the discipline liaison's role name (1), the calendar module 53 with its menu
    // label and its menu group's (系统设置) 2; the case workflow's error codes (5), menu label (1), shared case
    // words for CaseTimeline and CaseActions (22), the inbox module's texts (26) and the pack's case procedures
    // in the pack pages (22); a regulation as a source (1); eligibility: the pack view's discipline section (26),
    // the record page's 资格 tab and the roster's 可提拔 filter (10), the NOT_ELIGIBLE error (1); the discipline
    // module 155, its four menu labels and its menu group's (从严管理) 5, and the record page's 从严管理 tab (1);
    // 考核等次申诉: its two error codes and 12 texts on 我的考核结果 (14); 经济激励: its 9 error codes, three menu
    // labels and its menu group's (13), the 一线岗位 tag (1), the pay tables page (1); the record's published annual grades (2);
    // the home page's to-dos and figures (10), a round's pack by name (1); the pay runs pages, explanation drawer,
    // what-if and 我的待遇 (129), the tables link on a missing base and the capped what-if list (2); the pack
    // pages' 经济激励 section (18); the pay tables page's texts (53 more: tabs, editor, import, statistics);
    // 选拔任用 (issue 14): its 7 error codes, four menu labels and its menu group's (12); an LRMX problem's
    // list item number (第 N 条, 1); the annotated workbook's refusal (1)
    // the pools page (人才库: tabs, level cards, quota tags, nominate drawer, leave and review modals) (72);
    // the after-appointment page (任后评估, 不胜任干部, 交流挂职: 110) and the record page's 交流挂职 tab (1);
    // the structure indicators pages, explanation and editor (142), the roster's indicator banner (6), the pack
    // pages' 选拔任用与结构 section (50); the selection process pages (183)
    // issue 15: 精神激励, 教育培训, 关心关爱: 13 menu labels and 3 menu groups, 我的关爱's title and tabs (5)
    // careaid: 休假与疗休养 and 我的关爱 · 休假 (46), 困难帮扶与优抚 (58), the part's 10 error codes (114)
    expect(seen.size).toBe(
      1297 +
        32 +
        1 -
        2 +
        3 +
        1 +
        53 +
        2 +
        5 +
        1 +
        22 +
        26 +
        22 +
        1 +
        26 +
        10 +
        1 +
        155 +
        5 +
        1 +
        14 +
        13 +
        1 +
        1 +
        2 +
        10 +
        1 +
        129 +
        2 +
        18 +
        53 +
        12 +
        1 +
        1 +
        72 +
        110 +
        1 +
        142 +
        6 +
        50 +
        183 +
        21 +
        // issue 15, honours: its 5 error codes
        5 +
        // issue 15, care-talks: 谈心谈话与约谈 page and 约谈领导 tab (76), pairing's yearly review (18), 3 error codes
        97 +
        114 +
        // care-health (issue 15): 体检与心理支持 pages and 我的关爱's 体检 / 心理支持 tabs (88), the coverage page
        // (14), its four error codes (4)
        106 +
        // issue 15, practice: 实战历练 (39) and 远程教育站点 (40) pages, its 3 error codes, the record page's 实战历练 tab (1)
        83 +
        // issue 15, trainweb: 培训班次 (list, create drawer, enrolment, attendance, credit), 培训达标情况, 我的培训
        169 +
        // issue 15, training: its 4 error codes
        4 +
        // the record page's 表彰奖励 tab (issue 15): its label and 7 texts
        8 +
        // issue 15, honweb: the batches pages (138) and the hero board (12)
        150 +
        // the coverage page's own unit placeholder
        1 +
        // issue 16: 减负松绑 and 统计分析: 7 menu labels, 2 menu groups, the parts' page titles (5)
        14 +
        // issue 16, dashweb: 数据看板 (levels, section titles, units, table, drill-down drawer, file names, 暂无数据, the slow sections' loading line) besides its title
        55 +
        // issue 16, dashserver: its 2 error codes
        2 +
        // issue 10 §4: 按单位豁免's 8 texts and its error code
        9 +
        // issue 16, registers: the summary and registers pages (89 beside the title) and the part's 5 error codes
        94 +
        // issue 16, staffing: 借调 and 专编专用 pages (65), the work list page (19), the part's 10 error codes
        94 +
        // issue 16, regcol: the record's 编制所在单位 (label, 同所在单位, the form's placeholder and hint) and its
        // error code; the work list's Excel import (template, import, its title, success line, report file name)
        10 +
        // issue 16, survey: 需求调查 pages, slips, results, the answer form and the recommendation card (88), 10 error codes
        98 +
        // issue 10 §6: the 任免审批表 import's 请核对 list (简历 lines no title could be split from)
        1 +
        // issue 10 §9: the results table's search, status filter, 4 orders and row count (7), RESULTS_PAGE_SIZE
        8 +
        // issue 10 §1, grade ballot (一票一档): the slip's 6 texts, the explanation's 5, error code BALLOT_FORM
        12 +
        // issue 10 §8: the roster's capped total (共 10,000+ 条) and its tooltip, the home figure's "+"
        3 +
        // issue 10 §1, a grade from the vote shares (按票率定等次): 5 reasons worded for it; the pack pages'
        // 等次票 item (its label, the vote grade tag, the two rules, result lines, conditions, "and": 9) and
        // the grade scale's note that its score lines do not apply (1); the results tab's "公布后才能查看" for
        // readers of a computed round (1)
        5 +
        9 +
        1 +
        1,
    );
  });
});
