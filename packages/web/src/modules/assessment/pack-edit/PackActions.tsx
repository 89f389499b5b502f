import { CheckCircleOutlined, CopyOutlined, DiffOutlined, EditOutlined } from '@ant-design/icons';
import { can, type PackDetail, type PackSummary } from '@ganbu/core';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { useSelectPack } from '../../../hooks/api/assessment-extra.ts';
import { assessmentErrorText } from '../assessment-error.ts';
import { CloneModal } from './CloneModal.tsx';
import { PackDiffDrawer } from './PackDiffDrawer.tsx';
import { packEditPath } from './editor-model.ts';

/** Whether the user may choose and edit the district's packs (组织部). */
export function useCanEditPacks(): boolean {
  const me = useCurrentMe();
  return can(me.roles, 'pack.write');
}

/**
 * The 政策包 page's actions on the version being viewed: 版本对比 for every reader; 选用, 复制为本地版本
 * and (for a district version) 修改 for users with `pack.write`.
 */
export function PackActions({
  items,
  viewing,
}: {
  items: readonly PackSummary[];
  viewing: PackDetail | undefined;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const writer = useCanEditPacks();
  const select = useSelectPack();
  const [cloning, setCloning] = useState(false);
  const [diffing, setDiffing] = useState(false);

  const confirmSelect = (v: PackDetail) =>
    modal.confirm({
      title: t('assessment.packEdit.selectTitle', { name: v.body.name }),
      content: t('assessment.packEdit.selectConfirm', { name: v.body.name, locality: v.body.locality }),
      okText: t('assessment.packEdit.select'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'pack-select-confirm' },
      onOk: () =>
        select.mutateAsync(v.packId).then(
          () => void message.success(t('assessment.packEdit.selected', { name: v.body.name })),
          (err: unknown) => {
            void message.error(assessmentErrorText(t, err));
          },
        ),
    });

  return (
    <>
      <Button icon={<DiffOutlined />} onClick={() => setDiffing(true)} data-testid="pack-diff-open">
        {t('assessment.packEdit.diff.open')}
      </Button>
      {writer && viewing ? (
        <>
          {viewing.origin === 'edited' ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(packEditPath(viewing.id))}
              data-testid="pack-edit"
            >
              {t('assessment.packEdit.editThis')}
            </Button>
          ) : null}
          <Button icon={<CopyOutlined />} onClick={() => setCloning(true)} data-testid="pack-clone">
            {t('assessment.packEdit.clone')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={viewing.selected}
            onClick={() => confirmSelect(viewing)}
            data-testid="pack-select"
          >
            {viewing.selected ? t('assessment.packEdit.isSelected') : t('assessment.packEdit.select')}
          </Button>
          <CloneModal source={viewing} versions={items} open={cloning} onClose={() => setCloning(false)} />
        </>
      ) : null}
      {diffing ? (
        <PackDiffDrawer items={items} initialTo={viewing?.id} open onClose={() => setDiffing(false)} />
      ) : null}
    </>
  );
}
