import { canBeChildOf, type Org } from '@ganbu/core';
import { Alert, App, Form, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoveOrg } from '../../hooks/api/orgs.ts';
import { subtreeIds, toTreeSelectData, type OrgNode } from '../../lib/org-tree.ts';

/** Pick a new parent for `org`: its own subtree is left out, kinds that cannot hold it are disabled. */
export function OrgMoveModal({
  org,
  items,
  tree,
  onClose,
}: {
  org: Org | null;
  items: readonly Org[];
  tree: readonly OrgNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveOrg();
  const [parentId, setParentId] = useState<string | undefined>(undefined);

  const treeData = useMemo(() => {
    if (!org) return [];
    const excluded = subtreeIds(items, org.id);
    return toTreeSelectData(tree, (o) => o.id === org.parentId || !canBeChildOf(org.kind, o.kind), excluded);
  }, [org, items, tree]);

  const close = () => {
    setParentId(undefined);
    move.reset();
    onClose();
  };

  return (
    <Modal
      open={org !== null}
      title={org ? t('org.moveTitle', { name: org.name }) : null}
      onCancel={close}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !parentId, loading: move.isPending, 'data-testid': 'org-move-submit' }}
      onOk={() => {
        if (!org || !parentId) return;
        move.mutate(
          { id: org.id, parentId },
          {
            onSuccess: () => {
              void message.success(t('org.moved'));
              close();
            },
          },
        );
      }}
      destroyOnHidden
    >
      {org ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('org.moveHint', { kind: t(`orgKinds.${org.kind}`) })}
          />
          <Form layout="vertical">
            <Form.Item label={t('org.newParent')} required>
              <TreeSelect
                value={parentId}
                onChange={(v: string) => setParentId(v)}
                treeData={treeData}
                placeholder={t('org.newParentPlaceholder')}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandAll
                listHeight={360}
                style={{ width: '100%' }}
                data-testid="org-move-parent"
              />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
