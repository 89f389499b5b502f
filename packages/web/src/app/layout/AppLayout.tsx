import { Drawer, Layout, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { useCurrentMe } from '../me-context.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { SideMenu } from './SideMenu.tsx';

function Logo({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app-logo" title={t('common.appName')}>
      <span className="app-logo-mark">{t('common.appShort').slice(0, 1)}</span>
      {collapsed ? null : <span>{t('common.appShort')}</span>}
    </div>
  );
}

/** Side menu + header + routed content. Below 768px the menu moves into a Drawer. */
export function AppLayout() {
  const mobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const me = useCurrentMe();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{me.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {me.orgName}
              </Typography.Text>
              <span>
                <RoleTags roles={me.roles} />
              </span>
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          className="app-sider"
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          <Logo collapsed={collapsed} />
          <SideMenu theme="dark" />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <HeaderBar mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ margin: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
