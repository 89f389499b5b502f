import {
  ADMIN_ROLES,
  ROLES,
  SCOPE_MODES,
  UserCreateInputSchema,
  UserRolesInputSchema,
  violatesSeparationOfDuties,
  type Role,
  type ScopeMode,
  type User,
} from '@ganbu/core';
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGrantRoles } from '../../hooks/api/users.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface Values {
  roles: Role[];
  scopeMode: ScopeMode;
  orgId: string;
}

const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

/** 角色授权 (secadmin): roles + data scope (scope mode and unit), warning inline about 三员分立. */
export function UserRolesDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const grant = useGrantRoles();
  const roles = Form.useWatch('roles', form) ?? [];
  const sod = violatesSeparationOfDuties(roles);

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : 480}
      title={user ? t('users.rolesTitle', { name: user.displayName }) : null}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={grant.isPending}
            onClick={() => form.submit()}
            data-testid="user-roles-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {user ? (
        <Form<Values>
          key={user.id}
          form={form}
          preserve={false}
          layout="vertical"
          initialValues={{ roles: user.roles, scopeMode: user.scopeMode, orgId: user.orgId }}
          onFinish={(values) =>
            grant.mutate(
              {
                id: user.id,
                input: {
                  roles: values.roles,
                  scopeMode: values.scopeMode,
                  // only a changed unit is sent: moving the account is a grant of its own in the audit log
                  ...(values.orgId !== user.orgId ? { orgId: values.orgId } : {}),
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('users.rolesSaved'));
                  onClose();
                },
              },
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('users.rolesHint')}</Typography.Paragraph>
          <Form.Item
            name="roles"
            label={t('users.roles')}
            rules={[zodRule(UserRolesInputSchema.shape.roles)]}
          >
            <Checkbox.Group style={{ width: '100%' }} data-testid="user-roles-checkboxes">
              <Flex vertical gap={12} style={{ width: '100%' }}>
                <div>
                  <Typography.Text type="secondary">{t('users.adminRoleGroup')}</Typography.Text>
                  <Flex wrap gap={8} style={{ marginTop: 4 }}>
                    {ADMIN_ROLES.map((r) => (
                      <Checkbox key={r} value={r} data-testid={`role-${r}`}>
                        {t(`roles.${r}`)}
                      </Checkbox>
                    ))}
                  </Flex>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('users.businessRoleGroup')}</Typography.Text>
                  <Flex wrap gap={8} style={{ marginTop: 4 }}>
                    {BUSINESS_ROLES.map((r) => (
                      <Checkbox key={r} value={r} data-testid={`role-${r}`}>
                        {t(`roles.${r}`)}
                      </Checkbox>
                    ))}
                  </Flex>
                </div>
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          {sod ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="user-roles-sod-warning"
              title={t('users.sodWarning', {
                roles: roles.map((r) => t(`roles.${r}`)).join(t('common.enumSep')),
              })}
            />
          ) : null}
          <Form.Item
            name="scopeMode"
            label={t('users.scope')}
            required
            rules={[zodRule(UserRolesInputSchema.shape.scopeMode)]}
          >
            <Select
              options={SCOPE_MODES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
              data-testid="user-roles-scope"
            />
          </Form.Item>
          <Form.Item
            name="orgId"
            label={t('users.org')}
            required
            extra={t('users.rolesOrgHint')}
            rules={[zodRule(UserCreateInputSchema.shape.orgId)]}
          >
            <OrgTreeSelect testId="user-roles-org" />
          </Form.Item>
        </Form>
      ) : null}
    </Drawer>
  );
}
