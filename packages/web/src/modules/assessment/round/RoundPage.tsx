import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useRound } from '../../../hooks/api/assessment.ts';
import { isApiError } from '../../../lib/http.ts';
import { STATE_COLORS } from '../labels.ts';
import { CalibrationTab } from './CalibrationTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { TokensTab } from './TokensTab.tsx';
import { TurnoutTab } from './TurnoutTab.tsx';

const TAB_KEYS = ['overview', 'targets', 'tokens', 'turnout', 'results', 'calibration'] as const;
type TabKey = (typeof TAB_KEYS)[number];
const isTabKey = (v: string | null): v is TabKey => (TAB_KEYS as readonly (string | null)[]).includes(v);

/** One round in tabs: the state machine, targets, slips, turnout, results and the quota calibration. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const round = useRound(id);
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/assessment/rounds')}>
      {t('assessment.round.back')}
    </Button>
  );
  if (round.isPending) return <Skeleton active />;
  if (round.isError) {
    if (isApiError(round.error) && (round.error.status === 404 || round.error.status === 403))
      return <Result status="404" title={t('common.notFound')} extra={back} />;
    return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  }
  const r = round.data;
  const computed = r.state === 'computed' || r.state === 'published';
  const visible: TabKey[] = TAB_KEYS.filter((k) => {
    if (k === 'tokens' || k === 'turnout') return r.manageable;
    if (k === 'calibration') return r.manageable && computed;
    return true;
  });
  const tab: TabKey = isTabKey(tabParam) && visible.includes(tabParam) ? tabParam : 'overview';
  const goTab = (key: string) => setSearch(key === 'overview' ? {} : { tab: key }, { replace: true });

  const body = (key: TabKey) => {
    switch (key) {
      case 'overview':
        return <OverviewTab round={r} onComputed={() => goTab('results')} />;
      case 'targets':
        return <TargetsTab round={r} />;
      case 'tokens':
        return <TokensTab round={r} />;
      case 'turnout':
        return <TurnoutTab round={r} />;
      case 'results':
        return <ResultsTab round={r} />;
      case 'calibration':
        return <CalibrationTab round={r} />;
    }
  };

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="round-name">{r.name}</span>
          <Tag color={STATE_COLORS[r.state]} data-testid="round-state">
            {t(`assessment.states.${r.state}`)}
          </Tag>
        </Flex>
      }
      extra={back}
    >
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={goTab}
          destroyOnHidden
          items={visible.map((key) => ({
            key,
            label: <span data-testid={`round-tab-${key}`}>{t(`assessment.round.tabs.${key}`)}</span>,
            children: body(key),
          }))}
        />
      </Card>
    </PageContainer>
  );
}

export default RoundPage;
