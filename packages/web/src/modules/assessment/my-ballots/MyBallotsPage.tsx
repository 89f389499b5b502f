import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useMyBallots, type MyBallot } from '../../../hooks/api/assessment-extra.ts';

/** Where a named slip stands, for the rater. */
export type SlipStatus = 'pending' | 'done' | 'notStarted' | 'ended' | 'void';

export function slipStatus(slip: MyBallot): SlipStatus {
  if (slip.used) return 'done';
  if (slip.roundState === 'draft') return 'notStarted';
  if (slip.roundState !== 'open') return 'ended';
  // open but no code: the slip was revoked by the organiser
  return slip.code ? 'pending' : 'void';
}

const STATUS_COLORS: Record<SlipStatus, string> = {
  pending: 'processing',
  done: 'success',
  notStarted: 'default',
  ended: 'warning',
  void: 'error',
};

/**
 * 我的评议: the slips handed to the signed-in account as a named rater (实名评议). A slip still to use
 * opens the ballot page in this tab; the ballot itself keeps no account.
 */
export function MyBallotsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const slips = useMyBallots();
  const items = slips.data ?? [];

  const columns: ColumnsType<MyBallot> = [
    {
      key: 'round',
      title: t('assessment.myBallots.round'),
      render: (_, s) => <span data-testid={`my-ballot-round-${s.roundId}-${s.groupId}`}>{s.roundName}</span>,
    },
    {
      key: 'group',
      title: t('assessment.myBallots.group'),
      width: 240,
      render: (_, s) => s.groupName,
    },
    {
      key: 'status',
      title: t('assessment.myBallots.status'),
      width: 130,
      render: (_, s) => {
        const status = slipStatus(s);
        return (
          <Tag color={STATUS_COLORS[status]} data-testid={`my-ballot-status-${s.roundId}-${s.groupId}`}>
            {t(`assessment.myBallots.statuses.${status}`)}
          </Tag>
        );
      },
    },
    {
      key: 'action',
      title: t('common.actions'),
      width: 130,
      render: (_, s) =>
        s.code ? (
          <Button
            type="primary"
            size="small"
            icon={<EditOutlined />}
            onClick={() => void navigate({ pathname: '/ballot', hash: s.code ?? '' })}
            data-testid={`my-ballot-open-${s.roundId}-${s.groupId}`}
          >
            {t('assessment.myBallots.open')}
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('assessment.myBallots.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void slips.refetch()}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.myBallots.intro')}</Typography.Paragraph>
      {slips.isError ? <QueryError error={slips.error} onRetry={() => void slips.refetch()} /> : null}
      {!slips.isPending && !slips.isError && items.length === 0 ? (
        <Card>
          <Empty description={t('assessment.myBallots.empty')} data-testid="my-ballots-empty" />
        </Card>
      ) : (
        <Card size="small">
          <Table
            rowKey={(s) => `${s.roundId}:${s.groupId}`}
            size="middle"
            loading={slips.isPending}
            columns={columns}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="my-ballots-table"
          />
        </Card>
      )}
    </PageContainer>
  );
}

export default MyBallotsPage;
