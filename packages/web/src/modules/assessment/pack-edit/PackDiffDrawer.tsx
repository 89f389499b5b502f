import { SwapOutlined } from '@ant-design/icons';
import type { Pack, PackChange, PackSummary } from '@ganbu/core';
import { Alert, Button, Drawer, Empty, Flex, Select, Skeleton, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePack } from '../../../hooks/api/assessment.ts';
import { usePackDiff } from '../../../hooks/api/assessment-extra.ts';
import { getAt } from './editor-model.ts';
import { diffValueText, pointerLabel } from './pointer-label.ts';

/** A version's name in a picker: name (id · date), with its origin. */
export function versionLabel(v: PackSummary, originText: string): string {
  return `${v.name}（${v.packId} · ${v.effectiveFrom} · ${originText}）`;
}

/** The version to compare `to` with first: the pack's previous version, if it has one. */
export function previousVersion(items: readonly PackSummary[], to: PackSummary | undefined) {
  if (!to) return undefined;
  return items
    .filter((v) => v.packId === to.packId && v.effectiveFrom < to.effectiveFrom)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/**
 * One row per changed source entry (`/sources/<pointer>`) with the whole source on each side, in place
 * of its leaves (种子文件 004 → 假设 is one change, not three).
 */
export function mergeSourceChanges(
  changes: readonly PackChange[],
  before: Pack | undefined,
  after: Pack | undefined,
): PackChange[] {
  const out: PackChange[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const m = /^(\/sources\/[^/]+)(\/.*)?$/.exec(c.path);
    if (!m || !before || !after) {
      out.push(c);
      continue;
    }
    const path = m[1]!;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, before: getAt(before, path), after: getAt(after, path) });
  }
  return out;
}

/**
 * 版本对比: two versions (of one pack or of two) and what changed from the first to the second, each
 * item named in words (考核方案「…」 › 评议组「…」 › 权重), before and after.
 */
export function PackDiffDrawer({
  items,
  initialTo,
  open,
  onClose,
}: {
  items: readonly PackSummary[];
  initialTo: string | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | undefined>(initialTo);
  const [from, setFrom] = useState<string | undefined>(
    () =>
      previousVersion(
        items,
        items.find((v) => v.id === initialTo),
      )?.id,
  );
  const [withSources, setWithSources] = useState(true);
  const diff = usePackDiff(from, to);
  const before = usePack(from);
  const after = usePack(to);

  const options = items.map((v) => ({
    value: v.id,
    label: versionLabel(v, t(`assessment.packs.origins.${v.origin}`)),
  }));
  const merged = useMemo(
    () => mergeSourceChanges(diff.data ?? [], before.data?.body, after.data?.body),
    [diff.data, before.data, after.data],
  );
  const rows = merged.filter(
    (c) => withSources || (!c.path.startsWith('/sources/') && !c.path.startsWith('/version/')),
  );

  const columns: ColumnsType<PackChange> = [
    {
      key: 'path',
      title: t('assessment.packEdit.diff.item'),
      render: (_, c) => (
        <Flex vertical>
          <span data-testid="pack-diff-item">
            {pointerLabel(t, c.path, after.data?.body, before.data?.body)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {c.path}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'before',
      title: t('assessment.packEdit.diff.before'),
      width: 220,
      render: (_, c) => <span data-testid="pack-diff-before">{diffValueText(t, c.path, c.before)}</span>,
    },
    {
      key: 'after',
      title: t('assessment.packEdit.diff.after'),
      width: 220,
      render: (_, c) => (
        <Typography.Text strong data-testid="pack-diff-after">
          {diffValueText(t, c.path, c.after)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={980}
      title={t('assessment.packEdit.diff.title')}
      destroyOnHidden
      data-testid="pack-diff"
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Select
            value={from}
            onChange={(v: string) => setFrom(v)}
            options={options}
            placeholder={t('assessment.packEdit.diff.pickFrom')}
            style={{ width: 430 }}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="pack-diff-from"
          />
          <Button
            icon={<SwapOutlined />}
            onClick={() => {
              setFrom(to);
              setTo(from);
            }}
            aria-label={t('assessment.packEdit.diff.swap')}
          />
          <Select
            value={to}
            onChange={(v: string) => setTo(v)}
            options={options}
            placeholder={t('assessment.packEdit.diff.pickTo')}
            style={{ width: 430 }}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="pack-diff-to"
          />
        </Flex>
        <Flex gap={8} align="center">
          <Switch size="small" checked={withSources} onChange={setWithSources} />
          <span>{t('assessment.packEdit.diff.withSources')}</span>
        </Flex>
        {!from || !to ? (
          <Alert type="info" showIcon title={t('assessment.packEdit.diff.pickBoth')} />
        ) : from === to ? (
          <Alert type="info" showIcon title={t('assessment.packEdit.diff.same')} />
        ) : diff.isError ? (
          <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
        ) : !diff.data ? (
          <Skeleton active />
        ) : diff.data.length === 0 ? (
          <Empty description={t('assessment.packEdit.diff.noChanges')} />
        ) : (
          <>
            <Typography.Text type="secondary" data-testid="pack-diff-count">
              {t('assessment.packEdit.diff.count', { count: merged.length, shown: rows.length })}
            </Typography.Text>
            <Table
              rowKey="path"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="pack-diff-table"
            />
          </>
        )}
      </Flex>
    </Drawer>
  );
}
