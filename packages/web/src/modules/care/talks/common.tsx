import type { TalkRequestState } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_COLORS: Record<TalkRequestState, string> = {
  waiting: 'blue',
  overdue: 'red',
  answered: 'green',
  answered_late: 'orange',
  withdrawn: 'default',
};

/** 约谈申请's state as a tag (the talks page and the cadre's own tab). */
export function RequestStateTag({ state }: { state: TalkRequestState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`care.talks.states.${state}`)}</Tag>;
}
