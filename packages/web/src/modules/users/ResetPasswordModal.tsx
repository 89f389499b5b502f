import { UserPasswordResetInputSchema, type User } from '@ganbu/core';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../hooks/api/users.ts';
import { zodRule } from '../../lib/zod-rule.ts';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ initialPassword: string }>();
  const reset = useResetPassword();

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: reset.isPending, 'data-testid': 'user-reset-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        preserve={false}
        layout="vertical"
        autoComplete="off"
        onFinish={({ initialPassword }: { initialPassword: string }) => {
          if (!user) return;
          reset.mutate(
            { id: user.id, initialPassword },
            {
              onSuccess: () => {
                void message.success(t('users.passwordReset'));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="initialPassword"
          label={t('users.initialPassword')}
          required
          rules={[zodRule(UserPasswordResetInputSchema.shape.initialPassword)]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
