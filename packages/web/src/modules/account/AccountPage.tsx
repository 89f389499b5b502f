import { isAdminRole } from '@ganbu/core';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatDate } from '../../lib/format.ts';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { TotpEnrol } from './TotpEnrol.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const adminAccount = me.roles.some(isAdminRole);

  return (
    <PageContainer title={t('menu.account')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('password.cardTitle')}>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('password.expiresAt')}>
                {me.passwordExpiresAt ? formatDate(me.passwordExpiresAt) : t('home.passwordNeverExpires')}
              </Descriptions.Item>
            </Descriptions>
            <PasswordChangeForm username={me.username} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('totp.cardTitle')}
            extra={
              <span data-testid="totp-status">
                {me.totpEnrolled ? (
                  <Tag color="success">{t('totp.enrolled')}</Tag>
                ) : (
                  <Tag color={adminAccount ? 'error' : 'default'}>{t('totp.notEnrolled')}</Tag>
                )}
              </span>
            }
          >
            {adminAccount ? (
              <Typography.Paragraph type="secondary">{t('totp.required')}</Typography.Paragraph>
            ) : null}
            {me.totpEnrolled ? (
              <Typography.Paragraph>{t('totp.enrolledHint')}</Typography.Paragraph>
            ) : (
              <TotpEnrol />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

export default AccountPage;
