import {
  ArrowLeftOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  FileTextOutlined,
} from '@ant-design/icons';
import { can } from '@ganbu/core';
import { Button, Card, Flex, Result, Skeleton, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { canRevealCadre, capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCadre, useHideCadre, useRevealCadre } from '../../hooks/api/cadres.ts';
import { isApiError } from '../../lib/http.ts';
import { CorrectionRequestButton } from './corrections/CorrectionRequestButton.tsx';
import { CorrectionsTab, PendingCorrectionsBadge } from './corrections/CorrectionsTab.tsx';
import { CadreDisciplineTab } from '../discipline/CadreDisciplineTab.tsx';
import { CadrePostingsTab } from '../selection/after/CadrePostingsTab.tsx';
import { CadrePracticeTab } from '../training/practice/CadrePracticeTab.tsx';
import { CadreFormDrawer } from './form/CadreFormDrawer.tsx';
import { AppointmentsTab } from './record/AppointmentsTab.tsx';
import { BasicInfoTab } from './record/BasicInfoTab.tsx';
import { EligibilityTab, mayReadEligibility } from './record/EligibilityTab.tsx';
import { ExtrasTab } from './record/ExtrasTab.tsx';
import { FactsTab } from './record/FactsTab.tsx';
import { FamilyTab } from './record/FamilyTab.tsx';
import { HonoursTab } from './record/HonoursTab.tsx';

const TAB_KEYS = [
  'basic',
  'appointments',
  'family',
  'facts',
  'extras',
  'corrections',
  'discipline',
  'eligibility',
  'postings',
  'practice',
  'honours',
] as const;
type TabKey = (typeof TAB_KEYS)[number];
const isTabKey = (v: string | null): v is TabKey => (TAB_KEYS as readonly (string | null)[]).includes(v);

/** 干部信息: one record in tabs, sensitive values on request, edit for writers. */
export function CadreRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const { editCadres } = capabilitiesOf(me.roles);
  const mayReveal = canRevealCadre(me, id);
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: TabKey = isTabKey(tabParam) ? tabParam : 'basic';
  const [revealed, setRevealed] = useState(false);
  const [editing, setEditing] = useState(false);
  const masked = useCadre(id, false);
  const clear = useCadre(id, true, revealed);
  const reveal = useRevealCadre();
  const hide = useHideCadre();
  const cadre = (revealed ? clear.data : undefined) ?? masked.data;

  const back = () => {
    // Back to the roster with its filters when we came from it; else to the plain roster.
    if ((window.history.state as { idx?: number } | null)?.idx) void navigate(-1);
    else void navigate('/cadres');
  };

  if (masked.isError && isApiError(masked.error) && masked.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('cadre.notFound')}
        extra={<Button onClick={() => void navigate('/cadres')}>{t('cadre.backToRoster')}</Button>}
      />
    );
  }

  const actions: ReactNode[] = [];
  if (cadre && mayReveal) {
    actions.push(
      cadre.revealed ? (
        <Button
          key="hide"
          icon={<EyeInvisibleOutlined />}
          onClick={() => {
            setRevealed(false);
            hide(id);
          }}
          data-testid="cadre-hide"
        >
          {t('cadre.hideSensitive')}
        </Button>
      ) : (
        <Tooltip key="reveal" title={t('cadre.revealHint')}>
          <Button
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate(id, { onSuccess: () => setRevealed(true) })}
            data-testid="cadre-reveal"
          >
            {t('cadre.reveal')}
          </Button>
        </Tooltip>
      ),
    );
  }
  if (cadre && me.cadreId === id) {
    actions.push(
      <CorrectionRequestButton
        key="correction"
        cadre={cadre}
        onSubmitted={() => setSearch({ tab: 'corrections' }, { replace: true })}
      />,
    );
  }
  if (cadre && mayReveal) {
    actions.push(
      <Tooltip key="approval-form" title={t('approvalForm.buttonHint')}>
        <Button
          icon={<FileTextOutlined />}
          onClick={() => void navigate(`/cadres/${id}/approval-form`)}
          data-testid="cadre-approval-form"
        >
          {t('approvalForm.button')}
        </Button>
      </Tooltip>,
    );
  }
  if (cadre && editCadres) {
    actions.push(
      <Button
        key="edit"
        type="primary"
        icon={<EditOutlined />}
        onClick={() => setEditing(true)}
        data-testid="cadre-edit"
      >
        {t('common.edit')}
      </Button>,
    );
  }

  const tabLabel = (key: TabKey) => (
    <span data-testid={`cadre-tab-${key}`}>
      {t(`cadre.tabs.${key}`)}
      {key === 'corrections' ? <PendingCorrectionsBadge cadreId={id} /> : null}
    </span>
  );
  const body = (key: TabKey): ReactNode => {
    if (!cadre) return null;
    switch (key) {
      case 'basic':
        return <BasicInfoTab cadre={cadre} editable={editCadres} />;
      case 'appointments':
        return <AppointmentsTab cadre={cadre} />;
      case 'family':
        return <FamilyTab cadre={cadre} />;
      case 'facts':
        return <FactsTab cadre={cadre} />;
      case 'extras':
        return <ExtrasTab cadre={cadre} />;
      case 'corrections':
        return <CorrectionsTab cadre={cadre} mayDecide={editCadres} onEditRecord={() => setEditing(true)} />;
      case 'eligibility':
        return <EligibilityTab cadreId={id} me={me} />;
      case 'discipline':
        return <CadreDisciplineTab cadreId={id} />;
      case 'postings':
        return <CadrePostingsTab cadreId={id} />;
      case 'practice':
        return <CadrePracticeTab cadreId={id} />;
      case 'honours':
        return <HonoursTab cadreId={id} />;
    }
  };

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={back} />
          <span data-testid="cadre-name">{cadre?.name ?? t('cadre.title')}</span>
          {cadre ? (
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
              {[cadre.orgName, cadre.postTitle].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
          {cadre?.revealed ? (
            <Tag color="warning" data-testid="cadre-revealed-tag">
              {t('cadre.revealedTag')}
            </Tag>
          ) : null}
        </Flex>
      }
      extra={actions.length > 0 ? actions : undefined}
    >
      {masked.isError ? <QueryError error={masked.error} onRetry={() => void masked.refetch()} /> : null}
      <Card data-testid="cadre-record">
        {cadre ? (
          <Tabs
            activeKey={tab}
            onChange={(key) => setSearch(key === 'basic' ? {} : { tab: key }, { replace: true })}
            items={TAB_KEYS.filter(
              (key) =>
                (key !== 'eligibility' || mayReadEligibility(me, id)) &&
                (key !== 'discipline' || can(me.roles, 'discipline.read')) &&
                (key !== 'postings' || can(me.roles, 'selection.read')) &&
                (key !== 'practice' || can(me.roles, 'training.read')) &&
                (key !== 'honours' || can(me.roles, 'honour.board')),
            ).map((key) => ({
              key,
              label: tabLabel(key),
              children: body(key),
            }))}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </Card>
      {editCadres ? (
        <CadreFormDrawer
          open={editing}
          cadreId={id}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </PageContainer>
  );
}

export default CadreRecordPage;
