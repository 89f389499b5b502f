import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { HonourNomination, HonourNominationState } from '@ganbu/core';
import {
  App,
  Avatar,
  Button,
  Card,
  Flex,
  Popconfirm,
  Popover,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cadrePhotoUrl } from '../../../hooks/api/cadres.ts';
import { useWithdrawNomination } from '../api.ts';
import { NominateDrawer } from './NominateDrawer.tsx';

const STATE_COLOR: Record<HonourNominationState, string> = {
  nominated: 'processing',
  withdrawn: 'default',
  removed: 'red',
  honoured: 'gold',
};

/** The record's photo when the nomination uses it (and it loads), else the surname. */
function NomineePhoto({ n }: { n: HonourNomination }) {
  const [failed, setFailed] = useState(false);
  return n.usePhoto && !failed ? (
    <Avatar
      shape="square"
      size={40}
      src={cadrePhotoUrl(n.cadreId)}
      onError={() => {
        setFailed(true);
        return false;
      }}
    />
  ) : (
    <Avatar shape="square" size={40}>
      {n.cadreName.slice(0, 1)}
    </Avatar>
  );
}

/**
 * 提名人选: the nominees with unit, post, deeds, photo, state and the eligibility engine's answer; units
 * nominate and withdraw while the batch takes nominations.
 */
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
  const active = nominations.filter((n) => n.state === 'nominated' || n.state === 'honoured').length;

  const columns: TableColumnsType<HonourNomination> = [
    {
      title: t('honours.batches.nominations.photo'),
      key: 'photo',
      width: 60,
      render: (_: unknown, n) => <NomineePhoto n={n} />,
    },
    {
      title: t('honours.batches.nominations.name'),
      key: 'name',
      width: 110,
      render: (_: unknown, n) => (
        <Flex vertical gap={2}>
          <span data-testid="nomination-name">{n.cadreName}</span>
          {n.proposalRuleId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('honours.batches.nominations.fromProposal')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('honours.batches.nominations.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      title: t('honours.batches.nominations.post'),
      dataIndex: 'postTitle',
      width: 160,
      ellipsis: true,
      render: (p: string) => p || '—',
    },
    {
      title: t('honours.batches.nominations.deeds'),
      dataIndex: 'deeds',
      width: 340,
      render: (d: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>
          {d}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('honours.batches.nominations.state'),
      key: 'state',
      width: 150,
      render: (_: unknown, n) => (
        <Flex gap={4} align="center">
          <Tag color={STATE_COLOR[n.state]} data-testid={`nomination-state-${n.state}`}>
            {t(`honours.batches.nominations.states.${n.state}`)}
          </Tag>
          {n.eligibilityReasons.length > 0 ? (
            <Popover
              title={t('honours.batches.nominations.eligibilityAt', { date: n.eligibilityDate })}
              content={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 360 }}>
                  {n.eligibilityReasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
            >
              <SafetyCertificateOutlined
                style={{ color: '#52c41a' }}
                aria-label={t('honours.batches.nominations.eligibility')}
              />
            </Popover>
          ) : null}
        </Flex>
      ),
    },
  ];
  if (canNominate)
    columns.push({
      title: '',
      key: 'actions',
      width: 70,
      render: (_: unknown, n) =>
        n.state === 'nominated' ? (
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
        ) : null,
    });

  return (
    <Card
      size="small"
      title={t('honours.batches.nominations.title', { count: active })}
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
        rowClassName={(n) => (n.state === 'withdrawn' || n.state === 'removed' ? 'honour-row-inactive' : '')}
        pagination={nominations.length > 20 ? { pageSize: 20, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('honours.batches.nominations.empty') }}
        data-testid="nomination-table"
      />
      {canNominate ? (
        <NominateDrawer batchId={batchId} open={adding} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  );
}
