import type { HonourProposal } from '@ganbu/core';
import { App, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useHonourProposals, useNominate } from '../api.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

/**
 * 符合条件的建议人选: the cadres the pack's proposal rules find (e.g. 优秀 three years running), each with the
 * reason; 提名 adds one as a nomination with the reason as its first deeds.
 */
export function ProposalsCard({ batchId, canNominate }: { batchId: string; canNominate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const proposals = useHonourProposals(batchId, true);
  const nominate = useNominate();

  const columns: TableColumnsType<HonourProposal> = [
    { title: t('honours.batches.proposals.name'), dataIndex: 'cadreName', width: 100 },
    { title: t('honours.batches.proposals.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    {
      title: t('honours.batches.proposals.reason'),
      dataIndex: 'explanation',
      width: 420,
      render: (e: string) => <span data-testid="proposal-reason">{e}</span>,
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_: unknown, p) =>
        p.nominated ? (
          <Tag color="green">{t('honours.batches.proposals.nominated')}</Tag>
        ) : canNominate ? (
          <Button
            size="small"
            type="primary"
            ghost
            loading={nominate.isPending && nominate.variables?.input.cadreId === p.cadreId}
            onClick={() =>
              nominate.mutate(
                {
                  batchId,
                  input: { cadreId: p.cadreId, proposalRuleId: p.ruleId, deeds: '', usePhoto: true },
                },
                {
                  onSuccess: () =>
                    void message.success(t('honours.batches.nominate.saved', { name: p.cadreName })),
                },
              )
            }
            data-testid={`proposal-nominate-${p.cadreId}`}
          >
            {t('honours.batches.proposals.nominate')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card size="small" title={t('honours.batches.proposals.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('honours.batches.proposals.intro')}</Typography.Paragraph>
      {proposals.isError ? (
        <QueryError error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : null}
      {nominate.isError ? (
        <RefusalAlert
          error={nominate.error}
          title={t('honours.batches.nominate.refused')}
          testId="proposal-refused"
        />
      ) : null}
      <Table<HonourProposal>
        rowKey={(p) => `${p.cadreId}-${p.ruleId}`}
        size="small"
        columns={columns}
        dataSource={proposals.data?.items}
        loading={proposals.isFetching}
        pagination={(proposals.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('honours.batches.proposals.empty') }}
        data-testid="proposal-table"
      />
    </Card>
  );
}
