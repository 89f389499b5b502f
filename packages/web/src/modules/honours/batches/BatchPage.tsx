import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { can } from '@ganbu/core';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { RecommendationCard } from '../../survey/needs/RecommendationCard.tsx';
import { downloadNotice, useCancelBatch, useHonourBatch, useOpenBatch } from '../api.ts';
import { BatchStateTag } from '../labels.tsx';
import './batch.css';
import { NominationsCard } from './NominationsCard.tsx';
import { NoticeCard } from './NoticeCard.tsx';
import { ProposalsCard } from './ProposalsCard.tsx';
import { QuotaCard } from './QuotaCard.tsx';

/**
 * One commendation batch: its facts, the quota per unit (explained), the nominees, the rules' suggestions while
 * nominating, the 公示 with its objections, the decision and the Word notice.
 */
export default function BatchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const me = useCurrentMe();
  const decide = can(me.roles, 'honour.decide');
  const nominate = can(me.roles, 'honour.nominate');
  const batch = useHonourBatch(id);
  const open = useOpenBatch();
  const cancel = useCancelBatch();
  const [downloading, setDownloading] = useState(false);
  const b = batch.data;

  const download = async () => {
    if (!b) return;
    setDownloading(true);
    try {
      await downloadNotice(b);
    } catch {
      void message.error(t('honours.batches.actions.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  const actions = b ? (
    <>
      {decide && b.state === 'draft' ? (
        <Button
          type="primary"
          loading={open.isPending}
          onClick={() =>
            open.mutate(b.id, { onSuccess: () => void message.success(t('honours.batches.actions.opened')) })
          }
          data-testid="batch-open"
        >
          {t('honours.batches.actions.open')}
        </Button>
      ) : null}
      {b.state === 'decided' ? (
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void download()}
          data-testid="batch-download"
        >
          {t('honours.batches.actions.download')}
        </Button>
      ) : null}
      {decide && (b.state === 'draft' || b.state === 'nominating' || b.state === 'notice') ? (
        <Popconfirm
          title={t('honours.batches.actions.cancelConfirm')}
          onConfirm={() =>
            cancel.mutate(b.id, {
              onSuccess: () => void message.success(t('honours.batches.actions.cancelled')),
            })
          }
        >
          <Button danger loading={cancel.isPending} data-testid="batch-cancel">
            {t('honours.batches.actions.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  ) : null;

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate('/honours/batches')}
            aria-label={t('honours.batches.back')}
          />
          <span data-testid="batch-title">{b?.name ?? t('honours.batches.title')}</span>
          {b ? <BatchStateTag state={b.state} /> : null}
        </Flex>
      }
      extra={actions}
    >
      {batch.isError ? <QueryError error={batch.error} onRetry={() => void batch.refetch()} /> : null}
      {batch.isPending ? <Skeleton active /> : null}
      {b ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('honours.batches.info.year')}>{b.year}</Descriptions.Item>
              <Descriptions.Item label={t('honours.batches.info.kind')}>{b.kindName}</Descriptions.Item>
              <Descriptions.Item label={t('honours.batches.info.org')}>{b.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('honours.batches.info.pack')}>{b.packName}</Descriptions.Item>
              <Descriptions.Item label={t('honours.batches.info.notice')}>
                {b.noticeStart && b.noticeEnd
                  ? t('honours.batches.noticeRange', { start: b.noticeStart, end: b.noticeEnd })
                  : t('honours.batches.info.noticeDays', { days: b.noticeWorkingDays })}
              </Descriptions.Item>
              <Descriptions.Item label={t('honours.batches.info.decision')}>
                {b.decidedOn
                  ? t('honours.batches.info.decisionText', { date: b.decidedOn, no: b.documentNumber ?? '' })
                  : t('honours.batches.info.none')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <RecommendationCard orgId={b.orgId} />
          <QuotaCard quotas={b.quotas} />
          <NominationsCard
            batchId={b.id}
            nominations={b.nominations}
            canNominate={nominate && b.state === 'nominating'}
          />
          {nominate && b.state === 'nominating' ? <ProposalsCard batchId={b.id} canNominate /> : null}
          <NoticeCard batch={b} canDecide={decide} />
        </>
      ) : null}
    </PageContainer>
  );
}
