import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../hooks/use-is-mobile.ts';

/**
 * A drawer holding one form: full width on a phone, 取消 and 保存 at the bottom (保存 submits the form
 * through `onSave`, spinning while `saving`); the form inside is dropped when the drawer closes.
 */
export function FormDrawer({
  open,
  onClose,
  title,
  width,
  saving,
  onSave,
  saveTestId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  width: number;
  saving: boolean;
  onSave: () => void;
  saveTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : width}
      title={title}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
