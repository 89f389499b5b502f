import type { PayRun } from '@ganbu/core';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePayLines } from '../api.ts';
import { Yuan } from '../labels.tsx';
import { shareText } from '../money-text.ts';

type UnitTotal = { unitId: string; unitName: string; count: number; totalFen: number };

/** 分单位汇总: per unit among the visible lines — people, total and share, and the sum row. */
export function UnitsTab({ run }: { run: PayRun }) {
  const { t } = useTranslation();
  const lines = usePayLines(run.id, { page: 1, pageSize: 1 });
  const units: UnitTotal[] = lines.data?.unitTotals ?? [];
  const sum = lines.data?.visibleTotalFen ?? 0;
  const count = units.reduce((n, u) => n + u.count, 0);
  const columns: TableColumnsType<UnitTotal> = [
    { title: t('pay.units.unit'), dataIndex: 'unitName', width: 240 },
    { title: t('pay.units.count'), dataIndex: 'count', width: 90, align: 'right' },
    {
      title: t('pay.units.total'),
      key: 'total',
      width: 160,
      align: 'right',
      render: (_: unknown, u) => <Yuan fen={u.totalFen} />,
    },
    {
      title: t('pay.units.share'),
      key: 'share',
      width: 100,
      align: 'right',
      render: (_: unknown, u) => shareText(u.totalFen, sum),
    },
  ];
  if (lines.isError) return <QueryError error={lines.error} onRetry={() => void lines.refetch()} />;
  return (
    <Table<UnitTotal>
      rowKey="unitId"
      size="middle"
      loading={lines.isFetching}
      columns={columns}
      dataSource={units}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="pay-units-table"
      summary={() =>
        units.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('pay.units.sum')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{count}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Yuan fen={sum} strong testId="pay-units-sum" />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {shareText(sum, sum)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
