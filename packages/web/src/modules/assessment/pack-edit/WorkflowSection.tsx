import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaseKindHeading, CaseKindSteps } from '../packs/WorkflowView.tsx';
import { NumField, SourceNotes, useEditor } from './fields.tsx';

/**
 * 事项办理流程 in the editor: each case kind's steps as they are, and each step's time limit in working days
 * as an editable number with its source (a changed limit asks for its 依据 like every other number).
 */
export function WorkflowSection() {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const kinds = Object.entries(draft.workflow?.caseKinds ?? {});
  if (!kinds.length) return null;
  const pointer = (id: string, i: number) => `/workflow/caseKinds/${id}/steps/${i}/deadlineWorkingDays`;
  return (
    <Card size="small" title={t('assessment.workflow.title')} data-testid="pe-workflow">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.workflow.editHint')}
        </Typography.Text>
        {kinds.map(([id, kind]) => (
          <Flex key={id} vertical gap={6} data-testid={`pe-workflow-${id}`}>
            <CaseKindHeading kind={kind} />
            <CaseKindSteps
              kind={kind}
              deadline={(s, i) =>
                s.deadlineWorkingDays === null ? (
                  t('assessment.workflow.noDeadline')
                ) : (
                  <NumField
                    pointer={pointer(id, i)}
                    label={t('assessment.workflow.deadlineOf', { step: s.name })}
                    suffix={t('assessment.workflow.workingDays')}
                    precision={0}
                    width={180}
                  />
                )
              }
            />
            <SourceNotes
              fields={kind.steps.map((s, i) => ({
                pointer: pointer(id, i),
                label: `${kind.name} · ${t('assessment.workflow.deadlineOf', { step: s.name })}`,
              }))}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
