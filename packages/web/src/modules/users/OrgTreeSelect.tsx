import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../lib/org-tree.ts';

/** Org picker over the user's scope; inactive units cannot be chosen. Controlled by antd Form. */
export function OrgTreeSelect({
  value,
  onChange,
  id,
  testId = 'user-form-org',
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId?: string;
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
      placeholder={t('users.orgPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
