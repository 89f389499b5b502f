import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HonourBatchState } from '@ganbu/core';

const STATE_COLOR: Record<HonourBatchState, string> = {
  draft: 'default',
  nominating: 'processing',
  notice: 'orange',
  decided: 'green',
  cancelled: 'default',
};

/** The batch's state as a tag: 草稿, 提名中, 公示中, 已决定, 已取消. */
export function BatchStateTag({ state }: { state: HonourBatchState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid={`batch-state-${state}`}>
      {t(`honours.batches.state.${state}`)}
    </Tag>
  );
}
