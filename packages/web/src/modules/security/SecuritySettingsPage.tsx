import { PasswordPolicySchema, SessionPolicySchema, type SecuritySettings } from '@ganbu/core';
import { App, Button, Card, Col, Form, InputNumber, Row, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useSaveSecuritySettings, useSecuritySettings } from '../../hooks/api/settings.ts';
import { zodRule } from '../../lib/zod-rule.ts';

type PasswordField = keyof SecuritySettings['password'];
type SessionField = keyof SecuritySettings['session'];

const PASSWORD_FIELDS: {
  name: PasswordField;
  unit: 'unitChars' | 'unitClasses' | 'unitDays' | 'unitPasswords';
}[] = [
  { name: 'minLength', unit: 'unitChars' },
  { name: 'minClasses', unit: 'unitClasses' },
  { name: 'expiryDays', unit: 'unitDays' },
  { name: 'historyCount', unit: 'unitPasswords' },
];

const SESSION_FIELDS: { name: SessionField; unit: 'unitMinutes' | 'unitHours' | 'unitTimes' }[] = [
  { name: 'idleMinutes', unit: 'unitMinutes' },
  { name: 'absoluteHours', unit: 'unitHours' },
  { name: 'lockoutThreshold', unit: 'unitTimes' },
  { name: 'lockoutMinutes', unit: 'unitMinutes' },
];

const EXTRA: Partial<Record<PasswordField, 'minClassesHint' | 'expiryDaysHint'>> = {
  minClasses: 'minClassesHint',
  expiryDays: 'expiryDaysHint',
};

/** 安全策略 (secadmin): password policy, session timeouts and lockout. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const { editSettings } = capabilitiesOf(me.roles);
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [form] = Form.useForm<SecuritySettings>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <PageContainer title={t('security.title')}>
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Form<SecuritySettings>
          form={form}
          layout="vertical"
          disabled={!editSettings}
          initialValues={settings.data}
          onFinish={(values) =>
            save.mutate(values, { onSuccess: () => void message.success(t('security.saved')) })
          }
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('security.passwordSection')}>
                {PASSWORD_FIELDS.map(({ name, unit }) => {
                  const extra = EXTRA[name];
                  return (
                    <Form.Item
                      key={name}
                      name={['password', name]}
                      label={t(`security.${name}`)}
                      extra={extra ? t(`security.${extra}`) : undefined}
                      required
                      rules={[zodRule(PasswordPolicySchema.shape[name])]}
                    >
                      <InputNumber
                        precision={0}
                        suffix={t(`security.${unit}`)}
                        style={{ width: '100%', maxWidth: 260 }}
                        data-testid={`security-${name}`}
                      />
                    </Form.Item>
                  );
                })}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('security.sessionSection')}>
                {SESSION_FIELDS.map(({ name, unit }) => (
                  <Form.Item
                    key={name}
                    name={['session', name]}
                    label={t(`security.${name}`)}
                    required
                    rules={[zodRule(SessionPolicySchema.shape[name])]}
                  >
                    <InputNumber
                      precision={0}
                      suffix={t(`security.${unit}`)}
                      style={{ width: '100%', maxWidth: 260 }}
                      data-testid={`security-${name}`}
                    />
                  </Form.Item>
                ))}
              </Card>
            </Col>
          </Row>
          {editSettings ? (
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              style={{ marginTop: 16 }}
              data-testid="security-submit"
            >
              {t('common.save')}
            </Button>
          ) : null}
        </Form>
      )}
    </PageContainer>
  );
}

export default SecuritySettingsPage;
