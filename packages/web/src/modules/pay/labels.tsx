import { formatYuan, type PackSummary, type PayKind, type PayRun, type Source } from '@ganbu/core';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { isApiError } from '../../lib/http.ts';

export { yuanToFen } from './money-text.ts';

type RunState = PayRun['state'];

export const STATE_COLOR: Record<RunState, string> = {
  draft: 'default',
  computed: 'blue',
  submitted: 'processing',
  approved: 'green',
  paid: 'purple',
};

/** The run's state as a tag: 草稿, 已核算, 审批中, 已批准, 已发放. */
export function StateTag({ state }: { state: RunState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="pay-run-state">
      {t(`pay.state.${state}`)}
    </Tag>
  );
}

/** ¥1,234.56, right-aligned in tabular figures (the column sets `align: 'right'`). */
export function Yuan({
  fen,
  strong,
  size,
  testId,
}: {
  fen: number | null;
  strong?: boolean;
  /** font size in px (a headline figure) */
  size?: number;
  testId?: string;
}) {
  return (
    <Typography.Text
      strong={strong}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontSize: size }}
      data-testid={testId}
    >
      {fen === null ? '—' : formatYuan(fen)}
    </Typography.Text>
  );
}

/** A change: +¥1,200.00 in green, -¥300.00 in red, ¥0.00 plain. */
export function Delta({ fen, size, testId }: { fen: number; size?: number; testId?: string }) {
  return (
    <Typography.Text
      type={fen > 0 ? 'success' : fen < 0 ? 'danger' : 'secondary'}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontSize: size }}
      data-testid={testId}
    >
      {fen > 0 ? '+' : ''}
      {formatYuan(fen)}
    </Typography.Text>
  );
}

/** 依据：种子文件 004「…」 / 依据：《条例》第十条 / 假设：… */
export function sourceText(t: TFunction, source: Source | undefined): string {
  if (!source) return t('pay.source.none');
  if ('seed' in source) return t('pay.source.seed', { seed: source.seed, figure: source.figure });
  if ('regulation' in source)
    return t('pay.source.regulation', { regulation: source.regulation, article: source.article });
  return t('pay.source.assumed', { text: source.assumed });
}

export const kindLabel = (t: TFunction, kind: PayKind) => t(`pay.kind.${kind}`);

/** One entry per pack (its versions folded): the district's choice first. */
export function packChoices(versions: readonly PackSummary[]): PackSummary[] {
  const byPack = new Map<string, PackSummary>();
  for (const p of versions) if (!byPack.has(p.packId)) byPack.set(p.packId, p);
  return [...byPack.values()].sort((a, b) => Number(b.selected) - Number(a.selected));
}

/** The version of `packId` in force on `day` (the period's end): the latest that took effect by then. */
export function versionFor(versions: readonly PackSummary[], packId: string | undefined, day: string) {
  const sorted = versions
    .filter((v) => v.packId === packId)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return sorted.find((v) => v.effectiveFrom <= day) ?? sorted.at(-1);
}

/**
 * An API error in words: the code's Chinese text, and the server's own sentence when it says more (a
 * refused budget names the band's bounds, a missing base names the ranks).
 */
export function payErrorText(err: unknown): { title: string; detail?: string } {
  const title = errorMessage(err);
  if (!isApiError(err)) return { title };
  const detail =
    err.message && err.message !== title && /[\u4e00-\u9fff]/.test(err.message) ? err.message : undefined;
  return { title, detail };
}
