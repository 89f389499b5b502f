import type { InboxItem } from '@ganbu/core';
import { Badge, Card, Empty, Flex, List, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { useInbox } from './api.ts';
import { DueTag } from './DueTag.tsx';

type TabKey = 'pending' | 'mine' | 'notices';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 待办: the steps waiting for me, the matters I opened, and the reminders posted to me; a row opens it. */
export default function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const inbox = useInbox();
  const [tab, setTab] = useState<TabKey>('pending');

  const pending = inbox.data?.items.filter((i) => i.source === 'case') ?? [];
  const notices = inbox.data?.items.filter((i) => i.source === 'notice') ?? [];
  const mine = inbox.data?.mine ?? [];
  const rows: Record<TabKey, InboxItem[]> = { pending, mine, notices };
  const overdue = (inbox.data?.items ?? []).filter((i) => i.overdue).length;
  const open = (item: InboxItem) => void navigate(item.link);

  const columns: TableColumnsType<InboxItem> = [
    {
      title: t('inbox.columns.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, item) => (
        <Typography.Link onClick={() => open(item)} data-testid={`inbox-open-${item.id}`}>
          {title}
        </Typography.Link>
      ),
    },
    { title: t('inbox.columns.kind'), dataIndex: 'kindName', width: 140 },
    ...(tab === 'notices'
      ? []
      : [
          {
            title: t('inbox.columns.step'),
            dataIndex: 'step',
            width: 150,
          } as TableColumnsType<InboxItem>[number],
        ]),
    {
      title: t('inbox.columns.dueOn'),
      key: 'dueOn',
      width: 190,
      render: (_: unknown, item) => <DueTag dueOn={item.dueOn} overdue={item.overdue} />,
    },
    {
      title: tab === 'notices' ? t('inbox.columns.postedAt') : t('inbox.columns.openedAt'),
      dataIndex: 'openedAt',
      width: 160,
      render: (v: string) => time(v),
    },
  ];

  const emptyText = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`inbox.empty.${tab}`)} />;

  const list = mobile ? (
    <List<InboxItem>
      dataSource={rows[tab]}
      loading={inbox.isLoading}
      locale={{ emptyText }}
      data-testid={`inbox-list-${tab}`}
      renderItem={(item) => (
        <Card
          size="small"
          hoverable
          onClick={() => open(item)}
          style={{ marginBottom: 8 }}
          data-testid={`inbox-open-${item.id}`}
        >
          <Flex vertical gap={4}>
            <Typography.Text strong>{item.title}</Typography.Text>
            <Flex gap={6} wrap align="center">
              <Tag>{item.kindName}</Tag>
              {item.step ? <Typography.Text type="secondary">{item.step}</Typography.Text> : null}
            </Flex>
            <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12 }}>
              <span>
                {t('inbox.columns.dueOn')}：<DueTag dueOn={item.dueOn} overdue={item.overdue} />
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {time(item.openedAt)}
              </Typography.Text>
            </Flex>
          </Flex>
        </Card>
      )}
    />
  ) : (
    <Table<InboxItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows[tab]}
      loading={inbox.isLoading}
      pagination={rows[tab].length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText }}
      onRow={(item) => ({ onClick: () => open(item), style: { cursor: 'pointer' } })}
      rowClassName={(item) => (item.overdue ? 'inbox-row-overdue' : '')}
      data-testid={`inbox-table-${tab}`}
    />
  );

  const label = (key: TabKey) => (
    <Flex gap={6} align="center">
      {t(`inbox.tabs.${key}`)}
      <Badge count={rows[key].length} color={key === 'mine' ? '#8c8c8c' : undefined} />
    </Flex>
  );

  return (
    <PageContainer
      title={t('inbox.title')}
      extra={
        inbox.data ? (
          <Typography.Text type={overdue ? 'danger' : 'secondary'} data-testid="inbox-summary">
            {overdue
              ? t('inbox.summaryOverdue', { pending: inbox.data.items.length, overdue })
              : t('inbox.summary', { pending: inbox.data.items.length })}
          </Typography.Text>
        ) : null
      }
    >
      {inbox.isError ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={(['pending', 'mine', 'notices'] as const).map((key) => ({
            key,
            label: <span data-testid={`inbox-tab-${key}`}>{label(key)}</span>,
          }))}
        />
        {list}
      </Card>
    </PageContainer>
  );
}
