import {
  SCOPE_MODES,
  UserCreateInputSchema,
  UserUpdateInputSchema,
  type ScopeMode,
  type User,
} from '@ganbu/core';
import { App, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useCreateUser, useUpdateUser } from '../../hooks/api/users.ts';
import { blankToUndefined, zodRule } from '../../lib/zod-rule.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface Values {
  username?: string;
  displayName: string;
  orgId?: string;
  scopeMode?: ScopeMode;
  cadreId?: string;
  initialPassword?: string;
}

/**
 * Create (user === null) or edit a user; sysadmin only. Editing changes plain fields: the unit is part
 * of the data scope, so moving the account is the security administrator's grant (UserRolesDrawer).
 */
export function UserFormDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== null;

  const onFinish = (values: Values) => {
    if (user) {
      update.mutate(
        { id: user.id, input: { displayName: values.displayName.trim() } },
        {
          onSuccess: () => {
            void message.success(t('users.updated'));
            onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      {
        username: values.username ?? '',
        displayName: values.displayName.trim(),
        orgId: values.orgId ?? '',
        cadreId: blankToUndefined(values.cadreId)?.trim() ?? null,
        scopeMode: values.scopeMode ?? 'self',
        initialPassword: values.initialPassword ?? '',
      },
      {
        onSuccess: () => {
          void message.success(t('users.created'));
          onClose();
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      width={480}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="user-form-submit"
    >
      <Form<Values>
        form={form}
        preserve={false}
        layout="vertical"
        autoComplete="off"
        initialValues={user ? { displayName: user.displayName } : { scopeMode: 'self' satisfies ScopeMode }}
        onFinish={onFinish}
      >
        {editing ? (
          <Form.Item label={t('users.username')}>
            <Typography.Text code>{user.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="username"
            label={t('users.username')}
            required
            rules={[zodRule(UserCreateInputSchema.shape.username)]}
          >
            <Input maxLength={32} data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          required
          rules={[zodRule(UserUpdateInputSchema.shape.displayName.unwrap())]}
        >
          <Input maxLength={50} data-testid="user-form-display-name" />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('users.org')} extra={t('users.orgLocked')}>
            <Typography.Text data-testid="user-form-org-name">{user.orgName}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="orgId"
            label={t('users.org')}
            required
            rules={[zodRule(UserCreateInputSchema.shape.orgId)]}
          >
            <OrgTreeSelect />
          </Form.Item>
        )}
        {editing ? null : (
          <>
            <Form.Item
              name="scopeMode"
              label={t('users.scope')}
              required
              rules={[zodRule(UserCreateInputSchema.shape.scopeMode)]}
            >
              <Select
                options={SCOPE_MODES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
                data-testid="user-form-scope"
              />
            </Form.Item>
            <Form.Item
              name="cadreId"
              label={t('users.cadreId')}
              extra={t('users.cadreIdHint')}
              rules={[zodRule(UserCreateInputSchema.shape.cadreId)]}
            >
              <Input maxLength={36} />
            </Form.Item>
            <Form.Item
              name="initialPassword"
              label={t('users.initialPassword')}
              required
              extra={t('users.initialPasswordHint')}
              rules={[zodRule(UserCreateInputSchema.shape.initialPassword)]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-form-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
