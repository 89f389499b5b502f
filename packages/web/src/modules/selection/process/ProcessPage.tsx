import { ArrowLeftOutlined } from '@ant-design/icons';
import { can, type SelectionProcessDetail } from '@ganbu/core';
import { Button, Card, Col, Descriptions, Flex, Row, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCase } from '../../inbox/api.ts';
import { CaseTimeline } from '../../inbox/components/CaseTimeline.tsx';
import { ActionBar } from './ActionBar.tsx';
import { useSelectionKinds, useSelectionProcess } from './api.ts';
import { CandidatesCard } from './CandidatesCard.tsx';
import { ProcessStateTag } from './labels.tsx';
import { NoticesCard } from './NoticesCard.tsx';
import { StepForm } from './StepForm.tsx';

/** 程序: each step of the kind, done, current (with what blocks it) or to come. */
function StepsCard({ detail }: { detail: SelectionProcessDetail }) {
  const { t } = useTranslation();
  const current = detail.steps.findIndex((s) => s.status === 'current');
  const ended = detail.state === 'rejected' || detail.state === 'withdrawn';
  return (
    <Card size="small" title={t('selection.process.detail.steps')} data-testid="process-steps">
      <Steps
        size="small"
        orientation="vertical"
        current={detail.state === 'done' ? detail.steps.length : current}
        status={ended ? 'error' : undefined}
        items={detail.steps.map((s) => ({
          title: <span data-testid={`step-${s.id}-${s.status}`}>{s.name}</span>,
          status:
            s.status === 'done' ? 'finish' : s.status === 'current' ? (ended ? 'error' : 'process') : 'wait',
          content: (
            <Flex vertical gap={2}>
              {s.type ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`selection.process.stepType.${s.type}`)}
                </Typography.Text>
              ) : null}
              {s.status === 'current'
                ? s.blockers.map((b) => (
                    <Typography.Text key={b.code + b.message} type="warning" style={{ fontSize: 12 }}>
                      {b.message}
                    </Typography.Text>
                  ))
                : null}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/** The post and the process at a glance. */
function Overview({ detail }: { detail: SelectionProcessDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="process-overview">
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 4 }}>
        <Descriptions.Item label={t('selection.process.detail.unit')}>{detail.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.post')}>
          <span data-testid="process-post">{detail.post.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.rank')}>
          {detail.post.rank || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.roleKind')}>
          {t(`selection.process.roleKind.${detail.post.roleKind}`)}
          {detail.post.isLeadership ? t('selection.process.detail.leadership') : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.positions')}>
          {t('selection.process.detail.positionsText', { count: detail.positions })}
        </Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.kind')}>{detail.kindName}</Descriptions.Item>
        <Descriptions.Item label={t('selection.process.detail.createdAt')}>
          {formatDateTime(detail.createdAt)}
        </Descriptions.Item>
        {detail.state === 'open' ? (
          <Descriptions.Item label={t('selection.process.detail.due')}>
            {detail.dueOn ?? '—'}
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('selection.process.detail.appointedOn')}>
            <span data-testid="process-appointed-on">{detail.appointedOn ?? '—'}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 办理过程: the workflow case behind the process, step by step (shared CaseTimeline). */
function TimelineCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useCase(caseId);
  if (!q.data) return null;
  return (
    <Card size="small" title={t('selection.process.detail.timeline')} data-testid="process-timeline">
      <CaseTimeline events={q.data.timeline} />
    </Card>
  );
}

/**
 * 选拔详情: the kind's steps with the current one, the post, the action bar (what blocks advancing), the
 * current step's form by its type, the candidates with their eligibility, the notices with objections, and
 * the case's timeline. Read-only for a leader; on a phone the cards stack.
 */
export function ProcessPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const me = useCurrentMe();
  const q = useSelectionProcess(id);
  const kinds = useSelectionKinds();
  const detail = q.data;
  const manage = can(me.roles, 'selection.manage');
  const current = detail?.steps.find((s) => s.status === 'current');
  const noticeDays =
    kinds.data?.find((k) => k.id === detail?.kindId)?.steps.find((s) => s.id === current?.id)
      ?.noticeWorkingDays ?? null;

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => void navigate('/selection/processes')}
          />
          <span data-testid="process-title">
            {detail ? detail.title : t('selection.process.detail.title')}
          </span>
          {detail ? <ProcessStateTag state={detail.state} /> : null}
        </Flex>
      }
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!detail ? (
        q.isError ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap={16} data-testid="process-page">
          <Overview detail={detail} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={6}>
              <StepsCard detail={detail} />
            </Col>
            <Col xs={24} lg={18}>
              <Flex vertical gap={16}>
                <ActionBar detail={detail} />
                <StepForm detail={detail} manage={manage} noticeDays={noticeDays} />
                <CandidatesCard detail={detail} manage={manage} />
                <NoticesCard detail={detail} manage={manage} />
                {detail.caseId ? <TimelineCard caseId={detail.caseId} /> : null}
              </Flex>
            </Col>
          </Row>
        </Flex>
      )}
    </PageContainer>
  );
}

export default ProcessPage;
