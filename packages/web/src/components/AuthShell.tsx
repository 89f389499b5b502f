import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';

/** Centered card with the system name and a language switch top right; used before the main layout. */
export function AuthShell({
  title,
  extra,
  children,
  width = 400,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="login-page">
      <Flex justify="flex-end" align="center" gap={8} style={{ padding: '8px 12px' }}>
        {extra}
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: 1, padding: '0 12px 24px' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 20, textAlign: 'center' }}>
          <span className="app-logo-mark" style={{ width: 44, height: 44, fontSize: 22 }}>
            {t('common.appShort').slice(0, 1)}
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('common.appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.orgDept')}</Typography.Text>
        </Flex>
        <Card title={title} style={{ width: '100%', maxWidth: width }}>
          {children}
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}>
          {t('auth.footer')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
