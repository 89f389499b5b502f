import type { EnrolmentMode, EnrolmentStatus, Programme } from '@ganbu/core';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const MODE_COLORS: Record<EnrolmentMode, string> = {
  application: 'blue',
  competitive: 'purple',
  dispatch: 'volcano',
};

/** 报名参训 / 竞争性选调 / 点名调训 */
export function ModeTag({ mode }: { mode: EnrolmentMode }) {
  const { t } = useTranslation();
  return <Tag color={MODE_COLORS[mode]}>{t(`training.programmes.modes.${mode}`)}</Tag>;
}

const STATUS_COLORS: Record<EnrolmentStatus, string> = {
  applied: 'blue',
  admitted: 'green',
  rejected: 'default',
  named: 'orange',
  confirmed: 'green',
  substitution_requested: 'gold',
  replaced: 'default',
};

export function EnrolmentStatusTag({ status, testId }: { status: EnrolmentStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {t(`training.programmes.statuses.${status}`)}
    </Tag>
  );
}

/** The programme's credit: 3 天, or 12 学时（1.5 天） with the conversion as a tooltip. */
export function CreditText({
  programme: p,
}: {
  programme: Pick<Programme, 'days' | 'hours' | 'creditDays' | 'creditExplanation'>;
}) {
  const { t } = useTranslation();
  const text =
    p.hours !== null && p.days === null
      ? t('training.programmes.hoursCredit', { hours: p.hours, days: p.creditDays })
      : t('training.programmes.daysCredit', { days: p.creditDays });
  return (
    <Tooltip title={p.creditExplanation}>
      <span style={{ cursor: 'help' }}>{text}</span>
    </Tooltip>
  );
}
