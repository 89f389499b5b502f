import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Popover, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HonourQuotaLine } from '@ganbu/core';

/** 各单位名额: per unit its active cadres, the pack's share, the quota and the places used; 计算依据 explains it. */
export function QuotaCard({ quotas }: { quotas: HonourQuotaLine[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<HonourQuotaLine> = [
    { title: t('honours.batches.quota.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
    { title: t('honours.batches.quota.cadres'), dataIndex: 'activeCadres', width: 90, align: 'right' },
    {
      title: t('honours.batches.quota.share'),
      key: 'share',
      width: 80,
      align: 'right',
      render: (_: unknown, q) =>
        q.sharePercent === null ? '—' : t('honours.batches.quota.percent', { value: q.sharePercent }),
    },
    {
      title: t('honours.batches.quota.quota'),
      key: 'quota',
      width: 80,
      align: 'right',
      render: (_: unknown, q) =>
        q.quota === null ? (
          <Typography.Text type="secondary">{t('honours.batches.quota.none')}</Typography.Text>
        ) : (
          <span data-testid={`quota-${q.unitId}`}>{q.quota}</span>
        ),
    },
    {
      title: t('honours.batches.quota.used'),
      key: 'used',
      width: 110,
      align: 'right',
      render: (_: unknown, q) => (
        <>
          <span data-testid={`quota-used-${q.unitId}`}>{q.used}</span>
          {q.quota !== null && q.used >= q.quota ? (
            <Tag color="red" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
              {t('honours.batches.quota.full')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('honours.batches.quota.explain'),
      key: 'explain',
      width: 90,
      render: (_: unknown, q) => (
        <Popover
          content={
            <div style={{ maxWidth: 360 }} data-testid="quota-explanation">
              {q.explanation}
            </div>
          }
          trigger="click"
        >
          <Button
            type="link"
            size="small"
            icon={<InfoCircleOutlined />}
            data-testid={`quota-explain-${q.unitId}`}
          >
            {t('honours.batches.quota.explain')}
          </Button>
        </Popover>
      ),
    },
  ];
  return (
    <Card size="small" title={t('honours.batches.quota.title')} style={{ marginBottom: 16 }}>
      <Table<HonourQuotaLine>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={quotas}
        pagination={false}
        scroll={{ x: 'max-content', y: 420 }}
        data-testid="quota-table"
      />
    </Card>
  );
}
