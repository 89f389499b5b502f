import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { LrmxImportCard } from './import/LrmxImportCard.tsx';
import { XlsxImportCard } from './import/XlsxImportCard.tsx';

const TABS = ['xlsx', 'lrmx'] as const;
type TabKey = (typeof TABS)[number];

/** 导入干部信息: an Excel workbook from the template, or 任免审批表 files. Writers only. */
export function CadreImportPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab: TabKey = search.get('tab') === 'lrmx' ? 'lrmx' : 'xlsx';

  if (!capabilitiesOf(me.roles).editCadres) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('cadreImport.noPermission')}
        extra={<Button onClick={() => void navigate('/cadres')}>{t('cadreImport.backToRoster')}</Button>}
      />
    );
  }

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => void navigate('/cadres')}
          />
          {t('cadreImport.title')}
        </Flex>
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'xlsx' ? {} : { tab: key }, { replace: true })}
          // Each tab starts afresh, so one page never shows two results at once.
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: (
              <span data-testid={`import-tab-${key}`}>
                {t(key === 'xlsx' ? 'cadreImport.tabXlsx' : 'cadreImport.tabLrmx')}
              </span>
            ),
            children: key === 'xlsx' ? <XlsxImportCard /> : <LrmxImportCard />,
          }))}
        />
      </Card>
    </PageContainer>
  );
}

export default CadreImportPage;
