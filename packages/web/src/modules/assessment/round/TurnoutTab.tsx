import { ReloadOutlined } from '@ant-design/icons';
import type { Round, Turnout } from '@ganbu/core';
import { Button, Flex, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useTurnout } from '../../../hooks/api/assessment.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useRoundScheme } from './use-round-scheme.ts';

type Row = Turnout['items'][number];

const REFRESH_MS = 10_000;

/** 投票进度: per rater group slips issued, used, revoked and ballots stored — counts only. */
export function TurnoutTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const live = round.state === 'open';
  const turnout = useTurnout(round.id, true, live ? REFRESH_MS : false);
  const { scheme } = useRoundScheme(round);
  const minOf = (groupId: string) => scheme?.raterGroups.find((g) => g.id === groupId)?.minRaters;

  const columns: ColumnsType<Row> = [
    { key: 'group', title: t('assessment.turnout.group'), render: (_, r) => r.groupName },
    {
      key: 'issued',
      title: t('assessment.turnout.issued'),
      width: 90,
      align: 'right',
      render: (_, r) => <span data-testid={`turnout-issued-${r.groupId}`}>{r.issued}</span>,
    },
    {
      key: 'used',
      title: t('assessment.turnout.used'),
      width: 90,
      align: 'right',
      render: (_, r) => <span data-testid={`turnout-used-${r.groupId}`}>{r.used}</span>,
    },
    {
      key: 'revoked',
      title: t('assessment.turnout.revoked'),
      width: 90,
      align: 'right',
      render: (_, r) => <span data-testid={`turnout-revoked-${r.groupId}`}>{r.revoked}</span>,
    },
    {
      key: 'ballots',
      title: t('assessment.turnout.ballots'),
      width: 100,
      align: 'right',
      render: (_, r) => <span data-testid={`turnout-ballots-${r.groupId}`}>{r.ballots}</span>,
    },
    {
      key: 'progress',
      title: t('assessment.turnout.progress'),
      width: 240,
      render: (_, r) => {
        const live = r.issued - r.revoked;
        const percent = live > 0 ? Math.round((r.used / live) * 100) : 0;
        return (
          <Progress
            percent={percent}
            size="small"
            status={percent >= 100 ? 'success' : live > 0 ? 'active' : 'normal'}
            format={() => `${r.used}/${live}`}
          />
        );
      },
    },
    {
      key: 'min',
      title: t('assessment.turnout.minRaters'),
      width: 130,
      align: 'right',
      render: (_, r) => minOf(r.groupId) ?? '—',
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('assessment.turnout.countsOnly')}
          {live ? ` ${t('assessment.turnout.autoRefresh')}` : ''}
        </Typography.Text>
        <Flex gap={8} align="center">
          {turnout.dataUpdatedAt ? (
            <Typography.Text type="secondary" data-testid="turnout-updated">
              {t('assessment.turnout.updatedAt', {
                time: formatDateTime(new Date(turnout.dataUpdatedAt).toISOString()),
              })}
            </Typography.Text>
          ) : null}
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void turnout.refetch()}>
            {t('common.refresh')}
          </Button>
        </Flex>
      </Flex>
      {turnout.isError ? <QueryError error={turnout.error} onRetry={() => void turnout.refetch()} /> : null}
      <Table
        rowKey="groupId"
        size="small"
        loading={turnout.isPending}
        columns={columns}
        dataSource={turnout.data}
        pagination={false}
        data-testid="turnout-table"
      />
    </Flex>
  );
}
