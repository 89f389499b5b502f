import { formatYuan, type PayLineDto, type PayRun } from '@ganbu/core';
import { Flex, Input, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePayLines } from '../api.ts';
import { Yuan } from '../labels.tsx';
import { ExplanationDrawer } from '../PayExplanation.tsx';

const PAGE_SIZE = 50;

/**
 * 核算明细: the lines the caller may see, paged by the server, searched by name and filtered by unit; each
 * amount opens its explanation. The total above is over the visible lines only.
 */
export function LinesTab({ run }: { run: PayRun }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [open, setOpen] = useState<PayLineDto | null>(null);
  const lines = usePayLines(run.id, { q: q || undefined, unitId, page, pageSize });
  const data = lines.data;
  // read from below (a street reading the district's run): the run's own unit is not among the caller's
  // units, and the server answers her lines and their totals only
  const orgs = useOrgs();
  const narrowed = orgs.data !== undefined && !orgs.data.some((o) => o.id === run.orgId);

  const columns: TableColumnsType<PayLineDto> = [
    { title: t('pay.lines.name'), dataIndex: 'name', width: 100 },
    { title: t('pay.lines.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: t('pay.lines.base'),
      key: 'base',
      width: 140,
      align: 'right',
      render: (_: unknown, l) => <Yuan fen={l.baseFen} />,
    },
    {
      title: t('pay.lines.amount'),
      key: 'amount',
      width: 140,
      align: 'right',
      render: (_: unknown, l) => (
        <Tooltip title={t('pay.lines.explainTip')}>
          <a
            role="button"
            onClick={() => setOpen(l)}
            style={{ color: 'inherit', borderBottom: '1px dashed currentColor' }}
            data-testid={`pay-line-amount-${l.cadreId}`}
          >
            <Yuan fen={l.amountFen} strong />
          </a>
        </Tooltip>
      ),
    },
    {
      title: t('pay.lines.summary'),
      key: 'summary',
      ellipsis: { showTitle: true },
      render: (_: unknown, l) => l.explanation.summary,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap>
          <Select<string>
            allowClear
            placeholder={t('pay.lines.allUnits')}
            style={{ width: 220 }}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setPage(1);
            }}
            options={(data?.unitTotals ?? []).map((u) => ({ value: u.unitId, label: u.unitName }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="pay-lines-unit"
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('pay.lines.search')}
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="pay-lines-search"
          />
        </Flex>
        {data ? (
          <Flex vertical align="flex-end">
            <Typography.Text strong data-testid="pay-lines-total">
              {t('pay.lines.visibleTotal', {
                total: formatYuan(data.visibleTotalFen),
                count: data.unitTotals.reduce((n, u) => n + u.count, 0),
              })}
            </Typography.Text>
            {narrowed ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pay-lines-scope">
                {t('pay.lines.scopeNote')}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      {lines.isError ? <QueryError error={lines.error} onRetry={() => void lines.refetch()} /> : null}
      <Table<PayLineDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={lines.isFetching}
        scroll={{ x: 900 }}
        data-testid="pay-lines-table"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <ExplanationDrawer line={open} runName={run.name} onClose={() => setOpen(null)} />
    </Flex>
  );
}
