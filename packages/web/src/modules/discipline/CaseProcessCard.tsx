import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCase } from '../inbox/api.ts';
import { CaseActions } from '../inbox/components/CaseActions.tsx';
import { CaseTimeline } from '../inbox/components/CaseTimeline.tsx';
import { disciplineKeys } from './api.ts';

/**
 * 办理过程 of the workflow case that carries a tolerance case or a report: its current step, the timeline,
 * and the caller's actions there — all but 作出决定, which this module's own form takes (with its substance).
 */
export function CaseProcessCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useCase(caseId);
  const detail = q.data;
  if (!detail) return null;
  const c = detail.case;
  return (
    <Card
      size="small"
      title={t('discipline.process')}
      extra={c.status === 'open' ? (c.currentStepName ?? '') : t(`cases.status.${c.status}`)}
      data-testid="case-process"
    >
      <Flex vertical gap={12}>
        {c.status === 'open' ? (
          <CaseActions
            caseId={c.id}
            title={c.title}
            actions={detail.allowedActions.filter((a) => a.action !== 'decide')}
            invalidate={[disciplineKeys.all]}
          />
        ) : null}
        <CaseTimeline events={detail.timeline} />
      </Flex>
    </Card>
  );
}
