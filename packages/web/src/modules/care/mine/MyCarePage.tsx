import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { MyHealth } from '../health/MyHealth.tsx';
import { MySupport } from '../health/MySupport.tsx';
import { MyLeave } from '../leave/MyLeave.tsx';
import { MyTalkRequests } from '../talks/MyTalkRequests.tsx';

const TABS = ['leave', 'health', 'talks', 'support'] as const;
type Tab = (typeof TABS)[number];

/**
 * 我的关爱 (a cadre, often on a phone): her own leave balance, health checks, requests to talk with a leader
 * (双向约谈) and support requests, one tab each (`?tab=`); every tab shows only the caller's own rows.
 */
export default function MyCarePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'leave';
  const body: Record<Tab, ReactNode> = {
    leave: <MyLeave />,
    health: <MyHealth />,
    talks: <MyTalkRequests />,
    support: <MySupport />,
  };
  return (
    <PageContainer title={t('care.mine.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={TABS.map((k) => ({ key: k, label: t(`care.mine.tabs.${k}`), children: body[k] }))}
      />
    </PageContainer>
  );
}
