import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';

/** A unit of the user's scope (inactive ones cannot be chosen); a form control. */
export function UnitSelect({
  value,
  onChange,
  id,
  placeholder,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder: string;
  testId: string;
}) {
  const orgs = useOrgs();
  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      allowClear
      treeData={treeData}
      loading={orgs.isPending}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
