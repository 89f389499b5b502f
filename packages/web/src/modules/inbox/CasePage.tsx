import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Steps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCase } from './api.ts';
import { CaseActions } from './components/CaseActions.tsx';
import { CaseTimeline } from './components/CaseTimeline.tsx';
import { DueTag } from './DueTag.tsx';

const STATUS_COLOR = {
  open: 'processing',
  done: 'success',
  rejected: 'error',
  withdrawn: 'default',
} as const;

/** A case on its own (the default link of a case): where it stands, what I may do, and its history. */
export default function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useCase(id);
  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Skeleton active />;
  const { case: c, timeline, allowedActions } = detail.data;
  const current = c.steps.findIndex((s) => s.id === c.currentStep);

  return (
    <PageContainer
      title={c.title}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/inbox')}>
          {t('inbox.back')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Steps
            size="small"
            current={c.status === 'open' ? current : c.steps.length}
            status={c.status === 'rejected' ? 'error' : undefined}
            items={c.steps.map((s) => ({ title: s.name }))}
            style={{ marginBottom: 16 }}
            data-testid="case-steps"
          />
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" data-testid="case-fields">
            <Descriptions.Item label={t('inbox.fields.kind')}>{c.kindName}</Descriptions.Item>
            <Descriptions.Item label={t('inbox.fields.status')}>
              <Tag color={STATUS_COLOR[c.status]}>{t(`cases.status.${c.status}`)}</Tag>
            </Descriptions.Item>
            {c.orgName ? (
              <Descriptions.Item label={t('inbox.fields.unit')}>{c.orgName}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('inbox.fields.openedBy')}>{c.openedByName}</Descriptions.Item>
            <Descriptions.Item label={t('inbox.fields.openedAt')}>{time(c.openedAt)}</Descriptions.Item>
            {c.status === 'open' ? (
              <>
                <Descriptions.Item label={t('inbox.fields.step')}>{c.currentStepName}</Descriptions.Item>
                <Descriptions.Item label={t('inbox.fields.dueOn')}>
                  <DueTag dueOn={c.dueOn} overdue={c.overdue} />
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('inbox.fields.closedAt')}>{time(c.closedAt)}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {c.status === 'open' ? (
          <Card size="small" title={t('inbox.yourActions')}>
            <CaseActions caseId={c.id} title={c.title} actions={allowedActions} />
          </Card>
        ) : null}
        <Card size="small" title={t('inbox.timeline')}>
          <CaseTimeline events={timeline} />
        </Card>
      </Flex>
    </PageContainer>
  );
}
