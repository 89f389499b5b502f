import type { CadreDetail, Correction } from '@ganbu/core';
import { Badge, Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCadreCorrections, type CorrectionDecision } from '../../../hooks/api/cadre-corrections.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { CorrectionDecisionModal } from './CorrectionDecisionModal.tsx';
import { ProposedValue } from './ProposedValue.tsx';
import { currentValue, fieldLabel, STATUS_COLORS } from './correction-fields.ts';

const MULTILINE = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** The number of undecided requests of a record, for the tab's label (nothing when there are none). */
export function PendingCorrectionsBadge({ cadreId }: { cadreId: string }) {
  const list = useCadreCorrections(cadreId);
  const pending = list.data?.items.filter((c) => c.status === 'pending').length ?? 0;
  return (
    <Badge
      count={pending}
      size="small"
      style={{ marginInlineStart: 6 }}
      data-testid="cadre-corrections-pending"
    />
  );
}

/**
 * 更正申请 of one record: every request with its status and decision; officers who may edit the
 * record accept (采纳) or reject (不予采纳) the pending ones.
 */
export function CorrectionsTab({
  cadre,
  mayDecide,
  onEditRecord,
}: {
  cadre: CadreDetail;
  mayDecide: boolean;
  onEditRecord: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  // the proposed values are shown as the record is: in clear only while it is revealed (audited)
  const list = useCadreCorrections(cadre.id, cadre.revealed);
  // kept after closing, so the dialog keeps its content while it fades out
  const [deciding, setDeciding] = useState<{ correction: Correction; decision: CorrectionDecision } | null>(
    null,
  );
  const [open, setOpen] = useState(false);
  const decideOn = (correction: Correction, decision: CorrectionDecision) => {
    setDeciding({ correction, decision });
    setOpen(true);
  };
  const empty = t('common.empty');

  const columns: ColumnsType<Correction> = [
    {
      key: 'createdAt',
      title: t('corrections.createdAt'),
      width: 110,
      render: (_, c) => (
        <Flex vertical>
          <span>{formatDateTime(c.createdAt)}</span>
          {c.requestedBy ? <Typography.Text type="secondary">{c.requestedBy}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'field',
      title: t('corrections.field'),
      width: 100,
      render: (_, c) => <span data-testid={`correction-field-${c.id}`}>{fieldLabel(t, c.field)}</span>,
    },
    {
      key: 'current',
      title: t('corrections.currentValue'),
      width: 150,
      render: (_, c) => (
        <span style={MULTILINE} data-testid={`correction-current-${c.id}`}>
          {currentValue(t, cadre, c.field) || empty}
        </span>
      ),
    },
    {
      key: 'proposed',
      title: t('corrections.proposedValue'),
      width: 150,
      render: (_, c) => (
        <ProposedValue
          correction={c}
          revealed={cadre.revealed}
          strong
          testId={`correction-proposed-${c.id}`}
        />
      ),
    },
    {
      key: 'reason',
      title: t('corrections.reason'),
      width: 150,
      render: (_, c) => <span style={MULTILINE}>{c.reason || empty}</span>,
    },
    {
      key: 'status',
      title: t('corrections.status'),
      width: 190,
      render: (_, c) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={STATUS_COLORS[c.status]} data-testid={`correction-status-${c.id}`}>
            {t(`corrections.statuses.${c.status}`)}
          </Tag>
          {c.status !== 'pending' ? (
            <Typography.Text type="secondary">
              {[c.decidedBy, formatDateTime(c.decidedAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
          {c.decisionNote ? (
            <span style={MULTILINE} data-testid={`correction-note-${c.id}`}>
              {t('corrections.noteLine', { note: c.decisionNote })}
            </span>
          ) : null}
        </Flex>
      ),
    },
  ];
  if (mayDecide) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 180,
      render: (_, c) =>
        c.status === 'pending' ? (
          <Flex gap={8} wrap>
            <Button
              size="small"
              type="primary"
              onClick={() => decideOn(c, 'accepted')}
              data-testid={`correction-accept-${c.id}`}
            >
              {t('corrections.accept')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => decideOn(c, 'rejected')}
              data-testid={`correction-reject-${c.id}`}
            >
              {t('corrections.reject')}
            </Button>
          </Flex>
        ) : null,
    });
  }

  return (
    <>
      <Typography.Paragraph type="secondary">
        {mayDecide
          ? t('corrections.officerHint')
          : me.cadreId === cadre.id
            ? t('corrections.ownHint')
            : t('corrections.listHint')}
      </Typography.Paragraph>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Correction>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
        // narrow screens scroll sideways
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('corrections.none') }}
        data-testid="correction-list"
      />
      {mayDecide && deciding ? (
        <CorrectionDecisionModal
          open={open}
          cadre={cadre}
          correction={deciding.correction}
          decision={deciding.decision}
          onClose={() => setOpen(false)}
          onEditRecord={() => {
            setOpen(false);
            onEditRecord();
          }}
        />
      ) : null}
    </>
  );
}
