import type { AfterDueState } from '@ganbu/core';
import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';

const DUE_COLORS: Record<AfterDueState, string> = {
  overdue: 'red',
  due_soon: 'orange',
  scheduled: 'blue',
  done: 'green',
};

/** Where a dated item stands: 逾期 / 即将到期 / 未到期 / 已完成. */
export function DueTag({ state }: { state: AfterDueState }) {
  const { t } = useTranslation();
  return (
    <Tag color={DUE_COLORS[state]} data-testid={`due-${state}`}>
      {t(`selection.after.stateTag.${state}`)}
    </Tag>
  );
}

/** A unit of the user's scope (inactive ones cannot be chosen); a form control. */
export function UnitPicker({
  value,
  onChange,
  id,
  testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={orgs.isPending}
      placeholder={t('selection.after.exchanges.hostPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

export const DAY = 'YYYY-MM-DD';
