import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useAfterPolicy } from './api.ts';
import { ExchangesTab } from './ExchangesTab.tsx';
import { MeasuresTab } from './MeasuresTab.tsx';
import { ReviewsTab } from './ReviewsTab.tsx';

const TABS = ['reviews', 'measures', 'exchanges'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 任后管理 (R-SEL-3, R-SEL-6): 任后评估 / 不胜任干部 / 交流挂职, each a table with its filters; the tab is in
 * the address (`?tab=measures`), so the inbox's notices open the right one.
 */
export default function AfterPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const policy = useAfterPolicy();
  const raw = search.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TabKey) : 'reviews';
  return (
    <PageContainer
      title={t('selection.after.title')}
      extra={
        policy.data ? (
          <Typography.Text type="secondary" data-testid="after-pack">
            {t('selection.after.packNote', { pack: policy.data.packName })}
          </Typography.Text>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'reviews',
            label: t('selection.after.tabReviews'),
            children: <ReviewsTab policy={policy.data} />,
          },
          {
            key: 'measures',
            label: t('selection.after.tabMeasures'),
            children: <MeasuresTab policy={policy.data} />,
          },
          {
            key: 'exchanges',
            label: t('selection.after.tabExchanges'),
            children: <ExchangesTab policy={policy.data} />,
          },
        ]}
      />
    </PageContainer>
  );
}
