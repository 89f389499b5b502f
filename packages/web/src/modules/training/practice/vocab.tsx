import type { PracticePosting } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<PracticePosting['status'], string> = {
  planned: 'blue',
  current: 'green',
  ended: 'default',
};
const RATING_COLOR: Record<NonNullable<PracticePosting['outcome']>['rating'], string> = {
  excellent: 'gold',
  good: 'green',
  pass: 'blue',
  fail: 'red',
};

export function PracticeStatusTag({ status }: { status: PracticePosting['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`training.practice.statuses.${status}`)}</Tag>;
}

export function OutcomeText({ posting }: { posting: PracticePosting }) {
  const { t } = useTranslation();
  const o = posting.outcome;
  if (!o) return <span style={{ color: '#999' }}>{t('training.practice.noOutcome')}</span>;
  return (
    <span>
      <Tag color={RATING_COLOR[o.rating]}>{t(`training.practice.ratings.${o.rating}`)}</Tag>
      {o.note}
    </span>
  );
}
