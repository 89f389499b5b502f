import type { PayRun } from '@ganbu/core';
import { Alert, Card, Flex, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCase } from '../../inbox/api.ts';
import { CaseActions } from '../../inbox/components/CaseActions.tsx';
import { CaseTimeline } from '../../inbox/components/CaseTimeline.tsx';
import { payKeys } from '../api.ts';

/** The run's approval case: its steps, the caller's actions at the current step, and the timeline. */
function CaseCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useCase(caseId);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const detail = q.data;
  if (!detail) return <Card size="small" loading />;
  const c = detail.case;
  const current = c.steps.findIndex((s) => s.id === c.currentStep);
  return (
    <Card
      size="small"
      title={t('pay.approval.title')}
      extra={c.status === 'open' ? (c.currentStepName ?? '') : t(`cases.status.${c.status}`)}
      data-testid="pay-approval"
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={c.status === 'open' ? current : c.steps.length}
          status={c.status === 'rejected' ? 'error' : undefined}
          items={c.steps.map((s) => ({ title: s.name }))}
        />
        {c.status === 'open' ? (
          <CaseActions
            caseId={c.id}
            title={c.title}
            actions={detail.allowedActions}
            invalidate={[payKeys.all]}
          />
        ) : null}
        <CaseTimeline events={detail.timeline} />
      </Flex>
    </Card>
  );
}

/** 审批: the case once the run is submitted; before that, what submitting does. */
export function ApprovalCard({ run }: { run: PayRun }) {
  const { t } = useTranslation();
  if (!run.caseId) return <Alert type="info" showIcon title={t('pay.approval.notSubmitted')} />;
  return <CaseCard caseId={run.caseId} />;
}
