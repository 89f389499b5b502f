import { PlusOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Card, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWithdrawNomination, type HonourNomination } from '../api.ts';
import { NominateDrawer } from './NominateDrawer.tsx';

/** 提名人选: the nominees with unit, post, deeds and photo; units nominate and withdraw while nominating. */
export function NominationsCard({
  batchId,
  nominations,
  canNominate,
}: {
  batchId: string;
  nominations: HonourNomination[];
  /** the batch takes nominations and the user may nominate */
  canNominate: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const withdraw = useWithdrawNomination();

  const columns: TableColumnsType<HonourNomination> = [
    {
      title: t('honours.batches.nominations.photo'),
      key: 'photo',
      width: 64,
      render: (_: unknown, n) =>
        n.photoUrl ? (
          <Avatar shape="square" size={40} src={n.photoUrl} />
        ) : (
          <Avatar shape="square" size={40}>
            {n.cadreName.slice(0, 1)}
          </Avatar>
        ),
    },
    {
      title: t('honours.batches.nominations.name'),
      dataIndex: 'cadreName',
      width: 100,
      render: (name: string) => <span data-testid="nomination-name">{name}</span>,
    },
    { title: t('honours.batches.nominations.unit'), dataIndex: 'orgName', width: 160, ellipsis: true },
    {
      title: t('honours.batches.nominations.post'),
      dataIndex: 'postTitle',
      width: 160,
      ellipsis: true,
      render: (p: string | null) => p ?? '—',
    },
    {
      title: t('honours.batches.nominations.deeds'),
      dataIndex: 'deeds',
      width: 360,
      render: (d: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>
          {d}
        </Typography.Paragraph>
      ),
    },
  ];
  if (canNominate)
    columns.push({
      title: '',
      key: 'actions',
      width: 80,
      render: (_: unknown, n) => (
        <Popconfirm
          title={t('honours.batches.nominations.withdrawConfirm', { name: n.cadreName })}
          onConfirm={() =>
            withdraw.mutate(
              { batchId, nominationId: n.id },
              { onSuccess: () => void message.success(t('honours.batches.nominations.withdrawn')) },
            )
          }
        >
          <Button type="link" size="small" danger data-testid={`nomination-withdraw-${n.id}`}>
            {t('honours.batches.nominations.withdraw')}
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <Card
      size="small"
      title={t('honours.batches.nominations.title', { count: nominations.length })}
      extra={
        canNominate ? (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="nomination-add"
          >
            {t('honours.batches.nominations.add')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Table<HonourNomination>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={nominations}
        pagination={nominations.length > 20 ? { pageSize: 20, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('honours.batches.nominations.empty') }}
        data-testid="nomination-table"
      />
      {canNominate ? <NominateDrawer batchId={batchId} open={adding} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
