import type { CaseActionRule, CaseActorRule, CaseKind, Pack } from '@ganbu/core';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SourceNote } from './PackParts.tsx';

type Step = CaseKind['steps'][number];

/** Who acts: 组织部（案件单位范围内）, 申请人, 联席会议成员 … */
export function actorText(t: TFunction, a: CaseActorRule): string {
  switch (a.by) {
    case 'role':
      return t(a.scope === 'all' ? 'assessment.workflow.actorRoleAll' : 'assessment.workflow.actorRole', {
        role: t(`roles.${a.role}`),
      });
    case 'applicant':
      return t('assessment.workflow.applicant');
    case 'members':
      return a.group === 'committee'
        ? t('assessment.workflow.committee')
        : t('assessment.workflow.members', { group: a.group });
  }
}

/** An action and where it leads: 同意 → 调查核实, 退回 → 上一环节 … (with who takes it when not the step's actor). */
export function actionText(t: TFunction, kind: CaseKind, a: CaseActionRule): string {
  const by = a.by ? `（${actorText(t, a.by)}）` : '';
  // 不予受理 and 撤回 end the case as their names say; every other action says where it leads
  if (a.to === 'rejected' || a.to === 'withdrawn') return `${t(`cases.actions.${a.action}`)}${by}`;
  const target =
    a.to === 'previous' || a.to === 'stay' || a.to === 'done'
      ? t(`assessment.workflow.to.${a.to}`)
      : (kind.steps.find((s) => s.id === a.to)?.name ?? a.to);
  return `${t(`cases.actions.${a.action}`)}${by} → ${target}`;
}

/** The steps of one case kind as a table; `deadline` renders the time-limit cell (view or editor). */
export function CaseKindSteps({
  kind,
  deadline,
}: {
  kind: CaseKind;
  deadline: (step: Step, index: number) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Step> = [
    { key: 'name', title: t('assessment.workflow.step'), width: 130, render: (_, s) => s.name },
    {
      key: 'actor',
      title: t('assessment.workflow.actor'),
      width: 200,
      render: (_, s) => actorText(t, s.actor),
    },
    {
      key: 'actions',
      title: t('assessment.workflow.actions'),
      render: (_, s) => (
        <Flex gap={4} wrap>
          {s.actions.map((a) => (
            <Tag key={a.action} color={a.commentRequired ? 'gold' : undefined}>
              {actionText(t, kind, a)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'deadline',
      title: t('assessment.workflow.deadline'),
      width: 260,
      render: (_, s, i) => deadline(s, i),
    },
  ];
  return (
    <Table<Step> rowKey="id" size="small" pagination={false} columns={columns} dataSource={kind.steps} />
  );
}

/** The kind's heading: its name, whether it is confidential, and who else reads its cases. */
export function CaseKindHeading({ kind }: { kind: CaseKind }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text strong>{kind.name}</Typography.Text>
      {kind.confidential ? (
        <Tag color="red">{t('assessment.workflow.confidential')}</Tag>
      ) : (
        <Tag>{t('assessment.workflow.open')}</Tag>
      )}
      <Tag color="gold">{t('assessment.workflow.commentLegend')}</Tag>
      {kind.readerRoles.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.workflow.readers', {
            roles: kind.readerRoles.map((r) => t(`roles.${r}`)).join('、'),
          })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** 事项办理流程: each case kind of the pack with its steps and time limits in working days, with sources. */
export function WorkflowView({ pack }: { pack: Pack }) {
  const { t } = useTranslation();
  const kinds = Object.entries(pack.workflow?.caseKinds ?? {});
  if (!kinds.length) return null;
  return (
    <Card size="small" title={t('assessment.workflow.title')} data-testid="pack-workflow">
      <Flex vertical gap={16}>
        {kinds.map(([id, kind]) => (
          <Flex key={id} vertical gap={6} data-testid={`pack-workflow-${id}`}>
            <CaseKindHeading kind={kind} />
            <CaseKindSteps
              kind={kind}
              deadline={(s, i) =>
                s.deadlineWorkingDays === null ? (
                  t('assessment.workflow.noDeadline')
                ) : (
                  <>
                    {t('assessment.workflow.days', { n: s.deadlineWorkingDays })}
                    <SourceNote
                      pack={pack}
                      pointer={`/workflow/caseKinds/${id}/steps/${i}/deadlineWorkingDays`}
                    />
                  </>
                )
              }
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
