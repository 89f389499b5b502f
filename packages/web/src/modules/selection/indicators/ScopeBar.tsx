import type { Org } from '@ganbu/core';
import { DatePicker, Flex, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';

const NO_ORGS: readonly Org[] = [];

/**
 * The unit (default: the caller's scope root) and the day (default: today) the figures are computed for, and
 * the pack version they come from. Values shown are the ones the server answered with.
 */
export function ScopeBar({
  orgId,
  asOf,
  packText,
  onChange,
  extra,
}: {
  orgId: string | undefined;
  asOf: string | undefined;
  packText: string | undefined;
  onChange: (next: { orgId?: string | undefined; asOf?: string | undefined }) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const tree = useMemo(() => toTreeSelectData(buildOrgTree(orgs.data ?? NO_ORGS)), [orgs.data]);
  const p = 'selection.indicators.scope';
  return (
    <Flex gap={12} wrap align="center">
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">{t(`${p}.unit`)}</Typography.Text>
        <TreeSelect
          style={{ width: 240 }}
          value={orgId}
          treeData={tree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          onChange={(v: string) => onChange({ orgId: v })}
          popupMatchSelectWidth={320}
          data-testid="indicator-unit"
        />
      </Flex>
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">{t(`${p}.asOf`)}</Typography.Text>
        <DatePicker
          allowClear={false}
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => onChange({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          data-testid="indicator-asof"
        />
      </Flex>
      {packText ? (
        <Tag color="blue" data-testid="indicator-pack">
          {packText}
        </Tag>
      ) : null}
      {extra}
    </Flex>
  );
}
