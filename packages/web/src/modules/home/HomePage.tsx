import { can } from '@ganbu/core';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { MENU_PATHS, menuKeysFor } from '../../app/menu.ts';
import { RoleTags } from '../../components/RoleTags.tsx';
import { formatDate } from '../../lib/format.ts';
import { FiguresCard } from './FiguresCard.tsx';
import { TodoCard } from './TodoCard.tsx';

const EXPIRY_WARNING_DAYS = 14;

/** Welcome page: who you are, your unit and what data you can see. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const scope = t(`scope.${me.scopeMode}`);
  const expiresAt = me.passwordExpiresAt ? new Date(me.passwordExpiresAt) : null;
  const expiringSoon =
    expiresAt !== null && expiresAt.getTime() - Date.now() < EXPIRY_WARNING_DAYS * 86_400_000;
  const links = menuKeysFor(me.roles).filter((k) => k !== 'home');
  // 组织部, a unit and a leader: their figures in scope; everyone with an inbox: the to-dos first
  const officer = can(me.roles, 'cadre.read') && can(me.roles, 'assessment.read') && me.scopeMode !== 'self';
  const todo = can(me.roles, 'inbox.read');

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('home.subtitle')}
        </Typography.Paragraph>
      </Card>
      {expiringSoon && expiresAt ? (
        <Alert
          type="warning"
          showIcon
          title={t('home.passwordExpiringSoon', { date: formatDate(me.passwordExpiresAt) })}
          action={
            <Button size="small" onClick={() => void navigate(MENU_PATHS.account)}>
              {t('menu.account')}
            </Button>
          }
        />
      ) : null}
      {officer ? <FiguresCard /> : null}
      {todo ? <TodoCard /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('home.profile')}>
            <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered size="small">
              <Descriptions.Item label={t('home.displayName')}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('home.org')}>
                <span data-testid="home-org">{me.orgName}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.scope')}>
                <Tag color="geekblue" data-testid="home-scope">
                  {scope}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.roles')} span="filled">
                <RoleTags roles={me.roles} emptyText={t('users.noRoles')} />
              </Descriptions.Item>
              <Descriptions.Item label={t('home.totp')}>
                {me.totpEnrolled ? (
                  <Tag color="success">{t('totp.enrolled')}</Tag>
                ) : (
                  <Tag>{t('totp.notEnrolled')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('home.passwordExpiresAt')}>
                {me.passwordExpiresAt ? formatDate(me.passwordExpiresAt) : t('home.passwordNeverExpires')}
              </Descriptions.Item>
              <Descriptions.Item label={t('home.linkedCadre')}>
                {me.cadreId ? t('home.linked') : t('home.notLinked')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('home.scopeHint', { scope })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('home.quickLinks')}>
            <Flex vertical gap={8}>
              {links.map((key) => (
                <Button key={key} block onClick={() => void navigate(MENU_PATHS[key])}>
                  {t(`menu.${key}`)}
                </Button>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

export default HomePage;
