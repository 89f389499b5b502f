import type { Writable } from 'node:stream';
import { gradeVoteOf, shownMinimum } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/xlsx-cell.ts';
import type { RoundRules } from './repository/rounds.ts';

export interface ResultSheetRow {
  name: string;
  post: string;
  unitName: string;
  status: string | null;
  total: string | null;
  totalWithheld: boolean;
  rank: { population: number; of: number; unit: number; ofUnit: number } | null;
  groups: (
    | { groupId: string; ballotCount: number; suppressed: false; value?: { value: string } | null }
    | { groupId: string; ballotCount: number; suppressed: true; suppressedReason: 'small' | 'complementary' }
  )[];
  proposedGradeName: string | null;
  finalGradeName: string | null;
  overrideReason: string | null;
  /** a grade ballot's votes over the shown groups (in the pack's grade order); null when none is shown */
  gradeVotes: { count: number; shareHundredths: number }[] | null;
}

/**
 * 考核结果表: one row per target as on the results page, from the same published figures — small groups,
 * their complementary partners and totals that would reveal them withheld there too (SECURITY 31). The
 * rows come in batches and each is committed (written out) as it is added, so memory does not grow with
 * the round.
 */
export async function writeResultsWorkbook(
  roundName: string,
  rules: RoundRules,
  batches: AsyncIterable<readonly ResultSheetRow[]>,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 2 }] });
  const groups = rules.scheme.raterGroups;
  const minShown = shownMinimum(rules.minGroupSizeShown);
  // 一票一档: each vote grade's votes and share (优秀票率 …) over the groups shown, as the explanation gives them
  const voteGrades = rules.scheme.ballotForm === 'grade' ? gradeVoteOf(rules.scheme).grades : [];
  const headers = [
    '总排名',
    '单位内排名',
    '姓名',
    '单位',
    '职务',
    ...groups.flatMap((g) => [`${g.name}（${g.weight}%）票数`, `${g.name}得分`]),
    ...voteGrades.flatMap((g) => [`${g.name}票数（合计）`, `${g.name}票率`]),
    '综合得分',
    '状态',
    '建议等次',
    '确定等次',
    '调整理由',
  ];
  const title = ws.addRow([safeCell(`${roundName}（${rules.scheme.name}）`)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  // group names come from an editable pack
  const head = ws.addRow(headers.map(safeCell));
  head.font = { bold: true };
  head.commit();
  const shareColumns = new Set(voteGrades.map((_, i) => 5 + groups.length * 2 + i * 2 + 2));
  ws.columns = headers.map((h) => ({ width: Math.max(8, Math.min(28, h.length * 2)) }));
  for await (const rows of batches)
    for (const r of rows) {
      const row = ws.addRow([
        r.rank?.population ?? null,
        r.rank?.unit ?? null,
        safeCell(r.name),
        safeCell(r.unitName),
        safeCell(r.post),
        ...groups.flatMap((g) => {
          const got = r.groups.find((x) => x.groupId === g.id);
          if (!got) return [0, null];
          if (got.suppressed)
            return [
              got.ballotCount,
              got.suppressedReason === 'small' ? `不足${minShown}票不单列` : '为防反推不单列',
            ];
          return [got.ballotCount, got.value ? Number(got.value.value) : null];
        }),
        ...voteGrades.flatMap((_, i) => {
          const v = r.gradeVotes?.[i];
          // hundredths of a per cent → the fraction Excel shows as a percentage (8333 → 0.8333 → 83.33%)
          return v ? [v.count, v.shareHundredths / 10_000] : [null, null];
        }),
        r.totalWithheld ? '不公开（防反推）' : r.total === null ? null : Number(r.total),
        r.status === 'insufficient' ? '人数不足' : r.status === 'sufficient' ? '有效' : null,
        safeCell(r.proposedGradeName ?? ''),
        safeCell(r.finalGradeName ?? ''),
        safeCell(r.overrideReason ?? ''),
      ]);
      for (const c of shareColumns) row.getCell(c).numFmt = '0.00%';
      row.commit();
    }
  ws.commit();
  await wb.commit();
}
