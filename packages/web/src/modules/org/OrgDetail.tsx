import { canBeChildOf, type Org } from '@ganbu/core';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetOrgActive } from '../../hooks/api/orgs.ts';
import { childKindsOf, ESTABLISHMENT_KINDS, ORG_KIND_COLORS } from './org-labels.ts';

export type OrgDialog = { type: 'create' | 'edit' | 'move'; org: Org };

/** Detail card of the selected unit with its actions (when the user may edit the tree). */
export function OrgDetail({
  org,
  items,
  byId,
  editable,
  onOpen,
}: {
  org: Org | null;
  items: readonly Org[];
  byId: ReadonlyMap<string, Org>;
  editable: boolean;
  onOpen: (dialog: OrgDialog) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setActive = useSetOrgActive();

  if (!org) {
    return (
      <Card>
        <Empty description={t('org.selectHint')} />
      </Card>
    );
  }

  const parent = org.parentId ? byId.get(org.parentId) : undefined;
  const chain: string[] = [];
  for (
    let o: typeof org | undefined = org;
    o && chain.length < 20;
    o = o.parentId ? byId.get(o.parentId) : undefined
  )
    chain.unshift(o.name);
  const childCount = items.filter((o) => o.parentId === org.id).length;
  const canAddChild = org.active && childKindsOf(org).length > 0;
  const canMove = items.some((o) => o.id !== org.id && canBeChildOf(org.kind, o.kind));

  const toggleActive = () =>
    setActive.mutate(
      { id: org.id, active: !org.active },
      { onSuccess: () => void message.success(org.active ? t('org.deactivated') : t('org.activated')) },
    );

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: '100%' }} data-testid="org-detail-name">
            {org.name}
          </Typography.Text>
          <Tag color={org.active ? 'success' : 'default'} data-testid="org-detail-status">
            {org.active ? t('common.active') : t('common.inactive')}
          </Tag>
        </Flex>
      }
      extra={editable ? null : <Tag>{t('org.readOnly')}</Tag>}
      data-testid="org-detail"
    >
      {editable ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            disabled={!canAddChild}
            title={canAddChild ? undefined : t('org.noKindAllowed')}
            onClick={() => onOpen({ type: 'create', org })}
            data-testid="org-add-child"
          >
            {t('org.addChild')}
          </Button>
          <Button onClick={() => onOpen({ type: 'edit', org })} data-testid="org-edit">
            {t('org.edit')}
          </Button>
          <Button disabled={!canMove} onClick={() => onOpen({ type: 'move', org })} data-testid="org-move">
            {t('org.move')}
          </Button>
          <Popconfirm
            title={
              org.active
                ? t('org.deactivateConfirm', { name: org.name })
                : t('org.activateConfirm', { name: org.name })
            }
            onConfirm={toggleActive}
          >
            <Button danger={org.active} loading={setActive.isPending} data-testid="org-toggle-active">
              {org.active ? t('org.deactivate') : t('org.activate')}
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered size="small">
        <Descriptions.Item label={t('org.name')}>{org.name}</Descriptions.Item>
        <Descriptions.Item label={t('org.kind')}>
          <Tag color={ORG_KIND_COLORS[org.kind]}>{t(`orgKinds.${org.kind}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>
          <Typography.Text code>{org.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('org.parent')}>{parent?.name ?? t('common.empty')}</Descriptions.Item>
        <Descriptions.Item label={t('org.path')} span="filled">
          {/* the unit's place in the tree by name (its ltree path of codes is internal) */}
          <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="org-path-names">
            {chain.join(' / ')}
          </Typography.Text>
        </Descriptions.Item>
        {ESTABLISHMENT_KINDS.map((k) => (
          <Descriptions.Item key={k} label={t(`establishment.${k}`)}>
            {org.establishment[k] ?? t('common.empty')}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('org.difficulty')}>{org.difficulty}</Descriptions.Item>
        <Descriptions.Item label={t('org.sortOrder')}>{org.sortOrder}</Descriptions.Item>
        <Descriptions.Item label={t('org.status')}>
          {org.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          <Typography.Text type="secondary">{t('org.childCount', { count: childCount })}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
