import type { AfterDueState } from '@ganbu/core';
import { Card, Flex, Input, Segmented, Tag, TreeSelect } from 'antd';
import { useMemo, type ReactNode } from 'react';
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
  placeholder,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId: string;
  /** the caller's own words (a page of another module: the selection texts may not be loaded there) */
  placeholder?: string;
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
      placeholder={placeholder ?? t('selection.after.exchanges.hostPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

export const DAY = 'YYYY-MM-DD';

/**
 * Above a list of dated items (reviews, measures): the due-state filter (未完成 / 逾期 / 即将到期 … / 全部), a name
 * search and the list's create button.
 */
export function DueFilterBar<F extends 'open' | 'overdue' | 'due_soon' | 'scheduled' | 'done' | 'all'>({
  filters,
  state,
  onState,
  onSearch,
  stateTestId,
  action,
}: {
  filters: readonly F[];
  state: F;
  onState: (state: F) => void;
  onSearch: (q: string) => void;
  stateTestId?: string;
  action: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap align="center">
          <Segmented<F>
            value={state}
            onChange={onState}
            options={filters.map((s) => ({ value: s, label: t(`selection.after.state.${s}`) }))}
            data-testid={stateTestId}
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('selection.after.search')}
            style={{ maxWidth: 280 }}
            onSearch={(v) => onSearch(v.trim())}
          />
        </Flex>
        {action}
      </Flex>
    </Card>
  );
}
