import {
  checkPasswordStrength,
  GOVERNMENT_PASSWORD_POLICY,
  PasswordChangeInputSchema,
  type PasswordChangeInput,
} from '@ganbu/core';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../hooks/api/auth.ts';
import { errorMessage } from '../../lib/errors.ts';
import { zodRule } from '../../lib/zod-rule.ts';

type Values = PasswordChangeInput & { confirm: string };

/** Policy hint (the government defaults; the server enforces the configured policy). */
export function PasswordPolicyHint() {
  const { t } = useTranslation();
  const p = GOVERNMENT_PASSWORD_POLICY;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('password.hintTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>{t('password.hintLength', { min: p.minLength })}</li>
          <li>{t('password.hintClasses', { min: p.minClasses })}</li>
          <li>{t('password.hintUsername')}</li>
          <li>{t('password.hintHistory', { count: p.historyCount })}</li>
        </ul>
      }
    />
  );
}

/**
 * Change-password form for both the account page and the forced change after login.
 * The local strength check only warns: the policy in force is the server's.
 */
export function PasswordChangeForm({ username, onSuccess }: { username: string; onSuccess?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.success'));
          onSuccess?.();
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      autoComplete="off"
      style={{ maxWidth: 480 }}
    >
      <PasswordPolicyHint />
      {change.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(change.error)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      ) : null}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        required
        rules={[zodRule(PasswordChangeInputSchema.shape.currentPassword)]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        required
        dependencies={['currentPassword']}
        rules={[
          zodRule(PasswordChangeInputSchema.shape.newPassword),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (typeof value === 'string' && value !== '' && value === getFieldValue('currentPassword')) {
                throw new Error(t('password.sameAsCurrent'));
              }
            },
          }),
          {
            warningOnly: true,
            validator: async (_rule, value: unknown) => {
              if (typeof value !== 'string' || value === '') return;
              const violations = checkPasswordStrength(value, GOVERNMENT_PASSWORD_POLICY, username);
              if (violations.length > 0) {
                const reasons = violations
                  .map((v) => t(`password.violations.${v}`))
                  .join(t('common.listSep'));
                throw new Error(t('password.weak', { reasons }));
              }
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        required
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
