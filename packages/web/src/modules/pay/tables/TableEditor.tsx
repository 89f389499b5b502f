import { formatYuan, type PayTableKind, type PayTableView } from '@ganbu/core';
import { Alert, App, Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useSavePayTable } from './api.ts';
import { fenToYuanText, yuanTextToFen } from './yuan.ts';

interface EditRow {
  key: string;
  label: string;
  /** as stored, or null */
  amountFen: number | null;
  updatedAt: string | null;
}

/**
 * One kind of one year as an editable table: every key the district should fill (the registry's ranks, the
 * packs' grades or posts) with its stored amount in 元; saving replaces the kind's rows of the year (a key
 * left blank has no amount).
 */
export function TableEditor({
  view,
  kind,
  canEdit,
}: {
  view: PayTableView;
  kind: PayTableKind;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSavePayTable();
  const rows = useMemo<EditRow[]>(() => {
    const stored = view.rows.filter((r) => r.kind === kind);
    const out: EditRow[] = stored.map((r) => ({
      key: r.key,
      label: r.label,
      amountFen: r.amountFen,
      updatedAt: r.updatedAt,
    }));
    for (const k of view.keys)
      if (k.kind === kind && !stored.some((r) => r.key === k.key))
        out.push({ key: k.key, label: k.label, amountFen: null, updatedAt: null });
    return out;
  }, [view, kind]);
  // edits by key: the text typed (元); a key not here shows its stored amount
  const [edits, setEdits] = useState<Record<string, string>>({});
  const textOf = (r: EditRow) => edits[r.key] ?? (r.amountFen === null ? '' : fenToYuanText(r.amountFen));
  const bad = rows.filter((r) => textOf(r).trim() !== '' && yuanTextToFen(textOf(r)) === null);
  const dirty = rows.some(
    (r) => r.key in edits && edits[r.key] !== (r.amountFen === null ? '' : fenToYuanText(r.amountFen)),
  );
  const filled = rows.filter((r) => textOf(r).trim() !== '').length;
  const kindName = t(`pay.tables.kinds.${kind}`);

  const onSave = () =>
    save.mutate(
      {
        year: view.year,
        kind,
        rows: rows
          .filter((r) => textOf(r).trim() !== '')
          .map((r) => ({ key: r.key, label: r.label, amountFen: yuanTextToFen(textOf(r)) as number })),
      },
      {
        onSuccess: () => {
          setEdits({});
          void message.success(t('pay.tables.saved', { kind: kindName }));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  const columns: TableColumnsType<EditRow> = [
    kind === 'rank-base'
      ? { title: t('pay.tables.columns.rank'), dataIndex: 'key', width: 200 }
      : {
          title: t('pay.tables.columns.name'),
          dataIndex: 'label',
          width: 260,
          render: (label: string, r) => (
            <Flex gap={8} align="center">
              <span>{label || r.key}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.key}
              </Typography.Text>
            </Flex>
          ),
        },
    {
      title: t('pay.tables.columns.amount'),
      key: 'amount',
      width: 240,
      render: (_: unknown, r) => {
        const text = textOf(r);
        const invalid = text.trim() !== '' && yuanTextToFen(text) === null;
        return canEdit ? (
          <Input
            value={text}
            prefix="¥"
            placeholder={t('pay.tables.notSet')}
            status={invalid ? 'error' : undefined}
            inputMode="decimal"
            style={{ maxWidth: 200 }}
            onChange={(e) => setEdits((s) => ({ ...s, [r.key]: e.target.value }))}
            aria-label={`${r.label || r.key} ${t('pay.tables.columns.amount')}`}
            data-testid={`pay-amount-${kind}-${r.key}`}
          />
        ) : r.amountFen === null ? (
          <Tag>{t('pay.tables.notSet')}</Tag>
        ) : (
          formatYuan(r.amountFen)
        );
      },
    },
    {
      title: t('pay.tables.columns.updatedAt'),
      dataIndex: 'updatedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : <Tag>{t('pay.tables.notSet')}</Tag>),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`pay.tables.kindHints.${kind}`)}
      </Typography.Paragraph>
      {bad.length > 0 ? <Alert type="error" showIcon title={t('pay.tables.badAmount')} /> : null}
      <Table
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid={`pay-table-${kind}`}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('pay.tables.filled', { filled, total: rows.length })}
          {dirty ? (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('pay.tables.unsaved')}
            </Tag>
          ) : null}
        </Typography.Text>
        {canEdit ? (
          <Flex gap={8}>
            <Button disabled={!dirty || save.isPending} onClick={() => setEdits({})}>
              {t('pay.tables.reset')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty || bad.length > 0}
              loading={save.isPending}
              onClick={onSave}
              data-testid={`pay-save-${kind}`}
            >
              {t('pay.tables.save', { kind: kindName })}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Flex>
  );
}
