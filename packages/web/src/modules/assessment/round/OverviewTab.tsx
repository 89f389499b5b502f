import { ROUND_STATES, type Round, type RoundAction } from '@ganbu/core';
import { Alert, App, Button, Descriptions, Flex, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePacks, useTransition } from '../../../hooks/api/assessment.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { assessmentErrorText } from '../assessment-error.ts';

/** What the organiser may do in each state; 'recompute' is compute again on a computed round. */
type ActionButton = RoundAction | 'recompute';
const ACTIONS: Record<Round['state'], ActionButton[]> = {
  draft: ['open'],
  open: ['close'],
  closed: ['compute', 'reopen'],
  computed: ['publish', 'recompute', 'reopen'],
  published: [],
};

/**
 * The actions offered now: no 延长评议 once scores have left the database (a compute or the ballot
 * export) — two results compared over a reopen give away the ballots cast in between (SECURITY 31).
 */
function actionsOf(round: Pick<Round, 'state' | 'scoresDisclosed'>): ActionButton[] {
  return ACTIONS[round.state].filter((a) => a !== 'reopen' || !round.scoresDisclosed);
}

/** 概况: the round's facts, the state machine as steps and the allowed actions (with confirmation). */
export function OverviewTab({ round, onComputed }: { round: Round; onComputed: () => void }) {
  const { t } = useTranslation();
  const actions = actionsOf(round);
  const { modal, message } = App.useApp();
  const transition = useTransition();
  const packs = usePacks();
  const current = ROUND_STATES.indexOf(round.state);

  const run = (button: ActionButton) => {
    const action: RoundAction = button === 'recompute' ? 'compute' : button;
    modal.confirm({
      title: t(`assessment.overview.actions.${button}`),
      content: t(`assessment.overview.confirm.${action}`),
      okText: t(`assessment.overview.actions.${button}`),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: action === 'publish', 'data-testid': 'round-action-confirm' },
      onOk: async () => {
        try {
          await transition.mutateAsync({ roundId: round.id, action });
          void message.success(t(`assessment.overview.done.${action}`));
          if (action === 'compute') onComputed();
        } catch (err) {
          void message.error({
            content: <span data-testid="round-action-error">{assessmentErrorText(t, err)}</span>,
            duration: 8,
          });
        }
      },
    });
  };

  return (
    <Flex vertical gap={24}>
      {round.manageable ? null : (
        <Alert type="info" showIcon title={t('assessment.round.readOnly', { org: round.orgName })} />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        title={t('assessment.overview.info')}
        items={[
          { key: 'scheme', label: t('assessment.rounds.scheme'), children: round.schemeName },
          {
            key: 'kind',
            label: t('assessment.overview.kind'),
            children: t('assessment.scheme.kindLine', {
              kind: t(`assessment.kinds.${round.kind}`),
              target: t(`assessment.targetKinds.${round.targetKind}`),
            }),
          },
          {
            key: 'pack',
            label: t('assessment.overview.pack'),
            children: t('assessment.overview.packVersion', {
              pack: packs.data?.find((p) => p.packId === round.packId)?.name ?? round.packId,
              date: round.packEffectiveFrom,
            }),
          },
          {
            key: 'period',
            label: t('assessment.rounds.period'),
            children: t('assessment.rounds.periodRange', { start: round.periodStart, end: round.periodEnd }),
          },
          { key: 'org', label: t('assessment.rounds.org'), children: round.orgName },
          {
            key: 'targets',
            label: t('assessment.rounds.targetCount'),
            children: <span data-testid="round-target-count">{round.targetCount}</span>,
          },
          {
            key: 'created',
            label: t('assessment.rounds.createdAt'),
            children: formatDateTime(round.createdAt),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('assessment.overview.flow')}</Typography.Title>
        <Steps
          current={current}
          status={round.state === 'published' ? 'finish' : 'process'}
          items={ROUND_STATES.map((s) => ({
            title: t(`assessment.states.${s}`),
            content: t(`assessment.overview.stepHints.${s}`),
          }))}
          data-testid="round-steps"
        />
      </div>
      {round.manageable && round.scoresDisclosed && ACTIONS[round.state].includes('reopen') ? (
        <Alert
          type="info"
          showIcon
          title={t('assessment.overview.disclosed')}
          data-testid="round-disclosed"
        />
      ) : null}
      {round.manageable && actions.length > 0 ? (
        <Flex gap={8} wrap>
          {actions.map((button, i) => (
            <Button
              key={button}
              type={i === 0 ? 'primary' : 'default'}
              loading={
                transition.isPending &&
                transition.variables?.action === (button === 'recompute' ? 'compute' : button)
              }
              onClick={() => run(button)}
              data-testid={`round-action-${button}`}
            >
              {t(`assessment.overview.actions.${button}`)}
            </Button>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
