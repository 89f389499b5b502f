import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';

export const DAY = 'YYYY-MM-DD';

/** This year in China (the server judges years by China's day). */
export const thisYear = (): number => chinaDay().year();

/** The year filter: this year and the four before it, plus next year (programmes are planned ahead). */
export function YearSelect({
  value,
  onChange,
  testId,
}: {
  value: number;
  onChange: (year: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const now = thisYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={years.map((y) => ({ value: y, label: t('training.programmes.yearOption', { year: y }) }))}
      data-testid={testId}
    />
  );
}

/**
 * Units of the user's scope as a tree (inactive ones cannot be chosen); a form control, one unit or
 * several with `multiple`.
 */
export function OrgTreePicker({
  value,
  onChange,
  id,
  testId,
  multiple,
  placeholder,
  allowClear,
  width,
}: {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  id?: string;
  testId: string;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  width?: number | string;
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
      multiple={multiple}
      allowClear={allowClear}
      loading={orgs.isPending}
      placeholder={placeholder ?? t('training.programmes.unitPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      maxTagCount="responsive"
      style={{ width: width ?? '100%' }}
      data-testid={testId}
    />
  );
}

/** Days as people write them: 9.5, 12, 2.25. */
export const fmtDays = (n: number): string => String(Number(n.toFixed(2)));
