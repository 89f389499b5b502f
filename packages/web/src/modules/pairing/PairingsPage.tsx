import { PlusOutlined } from '@ant-design/icons';
import { can, type Pairing } from '@ganbu/core';
import { App, Button, Card, Flex, Input, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePairings, useUpdatePairing } from './api.ts';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';
import { PairingNotesDrawer } from './PairingNotesDrawer.tsx';
import { PairingReviewDrawer } from './PairingReviewDrawer.tsx';

type Which = 'current' | 'ended' | 'all';
const CURRENT: Record<Which, boolean | undefined> = { current: true, ended: false, all: undefined };

/** 结对帮扶: who mentors whom in the user's scope, since when, and how often it was followed up. */
export function PairingsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'pairing.write');
  const [q, setQ] = useState('');
  const [which, setWhich] = useState<Which>('current');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [notesOf, setNotesOf] = useState<Pairing | null>(null);
  const [reviewOf, setReviewOf] = useState<Pairing | null>(null);
  const pairings = usePairings({ q: q || undefined, current: CURRENT[which], page, pageSize });
  const update = useUpdatePairing();

  const confirmEnd = (p: Pairing) =>
    modal.confirm({
      title: t('pairing.endConfirm', { mentor: p.mentorName, cadre: p.cadreName }),
      content: t('pairing.endHint'),
      onOk: () =>
        update
          .mutateAsync({ id: p.id, input: { endedOn: dayjs().format('YYYY-MM-DD') } })
          .then(() => void message.success(t('pairing.ended')))
          .catch(() => undefined),
    });

  const columns: TableColumnsType<Pairing> = [
    { title: t('pairing.cadre'), dataIndex: 'cadreName', width: 110 },
    { title: t('pairing.unit'), dataIndex: 'unitName', ellipsis: true },
    {
      title: t('pairing.mentor'),
      key: 'mentor',
      render: (_: unknown, p) => (p.mentorPost ? `${p.mentorName}（${p.mentorPost}）` : p.mentorName),
    },
    { title: t('pairing.focus'), dataIndex: 'focus', ellipsis: true },
    {
      title: t('pairing.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, p) =>
        p.endedOn ? (
          `${p.startedOn} – ${p.endedOn}`
        ) : (
          <Space size={4}>
            {p.startedOn}
            <Tag color="green">{t('pairing.ongoing')}</Tag>
          </Space>
        ),
    },
    {
      title: t('pairing.notes'),
      key: 'notes',
      width: 150,
      render: (_: unknown, p) =>
        p.noteCount === 0 ? (
          <Tag color="orange">{t('pairing.noNotesYet')}</Tag>
        ) : (
          t('pairing.noteSummary', { count: p.noteCount, last: p.lastNoteOn })
        ),
    },
    {
      title: t('pairing.review'),
      key: 'review',
      width: 190,
      render: (_: unknown, p) =>
        p.reviewState === null ? (
          '—'
        ) : (
          <Space size={4} title={p.reviewExplanation}>
            {p.reviewDueOn}
            {p.reviewState === 'ok' ? null : (
              <Tag
                color={p.reviewState === 'overdue' ? 'red' : 'orange'}
                data-testid={`pairing-review-state-${p.id}`}
              >
                {t(`pairing.reviewStates.${p.reviewState}`)}
              </Tag>
            )}
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canWrite ? 210 : 150,
      render: (_: unknown, p) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setNotesOf(p)}
            data-testid={`pairing-notes-${p.id}`}
          >
            {t('pairing.notes')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setReviewOf(p)}
            data-testid={`pairing-review-${p.id}`}
          >
            {t('pairing.review')}
          </Button>
          {canWrite && !p.endedOn ? (
            <Button type="link" size="small" danger onClick={() => confirmEnd(p)}>
              {t('pairing.end')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('pairing.title')}
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="pairing-create"
          >
            {t('pairing.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<Which>
            value={which}
            onChange={(v) => {
              setWhich(v);
              setPage(1);
            }}
            options={[
              { value: 'current', label: t('pairing.filterCurrent') },
              { value: 'ended', label: t('pairing.filterEnded') },
              { value: 'all', label: t('pairing.filterAll') },
            ]}
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('pairing.searchPlaceholder')}
            style={{ maxWidth: 360 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            data-testid="pairing-search"
          />
        </Flex>
      </Card>
      {pairings.isError ? (
        <QueryError error={pairings.error} onRetry={() => void pairings.refetch()} />
      ) : null}
      <Card size="small">
        <Table<Pairing>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pairings.data?.items}
          loading={pairings.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="pairing-table"
          pagination={{
            current: page,
            pageSize,
            total: pairings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canWrite ? <PairingFormDrawer open={creating} onClose={() => setCreating(false)} /> : null}
      <PairingNotesDrawer pairing={notesOf} canWrite={canWrite} onClose={() => setNotesOf(null)} />
      <PairingReviewDrawer pairing={reviewOf} canWrite={canWrite} onClose={() => setReviewOf(null)} />
    </PageContainer>
  );
}

export default PairingsPage;
