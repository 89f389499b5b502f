import type { CaseEventView } from '@ganbu/core';
import { Flex, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const COLORS: Record<CaseEventView['action'], string> = {
  open: 'blue',
  submit: 'blue',
  approve: 'green',
  decide: 'green',
  return: 'orange',
  reject: 'red',
  withdraw: 'gray',
  comment: 'gray',
};

/**
 * 办理过程: a case's timeline, oldest first — each step's action, who took it and when, their comment, and
 * where the case went. Reusable by any module that shows a case (texts in the shared bundle, `cases.*`).
 */
export function CaseTimeline({ events }: { events: readonly CaseEventView[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: COLORS[e.action],
        content: (
          <Flex vertical gap={2} data-testid={`case-event-${e.seq}`}>
            <Typography.Text strong>
              {e.stepName} · {t(`cases.actions.${e.action}`)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {e.comment ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {e.comment}
              </Typography.Paragraph>
            ) : null}
            {e.action !== 'open' && e.action !== 'comment' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.toStatus === 'open'
                  ? t('cases.movedTo', { step: e.toStepName ?? '' })
                  : t(`cases.status.${e.toStatus}`)}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
