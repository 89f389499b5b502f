import { can } from '@ganbu/core';
import { Card, Descriptions, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useProgramme } from './api.ts';
import { AttendanceTab } from './AttendanceTab.tsx';
import { CreditsTab } from './CreditsTab.tsx';
import { EnrolmentTab } from './EnrolmentTab.tsx';
import { CreditText, ModeTag } from './labels.tsx';

const TABS = ['enrolment', 'attendance', 'credits'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 培训班次 detail: who takes part (applications to admit, competitive selection with reasons, the dispatch
 * list a unit confirms or asks to substitute), attendance per session filled quickly, and each person's
 * credit. The tab is in the address (`?tab=attendance`).
 */
export default function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const me = useCurrentMe();
  const programme = useProgramme(id);
  const raw = search.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TabKey) : 'enrolment';
  const p = programme.data;
  const canManage = can(me.roles, 'training.manage');

  return (
    <PageContainer
      title={p?.name ?? t('training.programmes.title')}
      extra={<Link to="/training/programmes">{t('training.programmes.backToList')}</Link>}
    >
      {programme.isError ? (
        <QueryError error={programme.error} onRetry={() => void programme.refetch()} />
      ) : null}
      {!p ? (
        programme.isPending ? (
          <Skeleton active />
        ) : null
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="programme-summary">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'kind', label: t('training.programmes.kind'), children: p.kindName },
                { key: 'organiser', label: t('training.programmes.organiser'), children: p.organiserName },
                {
                  key: 'dates',
                  label: t('training.programmes.dates'),
                  children: t('training.programmes.dateRange', { start: p.startOn, end: p.endOn }),
                },
                {
                  key: 'credit',
                  label: t('training.programmes.credit'),
                  children: (
                    <span data-testid="programme-credit">
                      <CreditText programme={p} />
                      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                        {p.creditExplanation}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  key: 'mode',
                  label: t('training.programmes.mode'),
                  children: <ModeTag mode={p.enrolmentMode} />,
                },
                {
                  key: 'seats',
                  label: t('training.programmes.seats'),
                  children: p.seats === null ? t('training.programmes.noSeatLimit') : p.seats,
                },
                { key: 'target', label: t('training.programmes.target'), children: p.target.text },
                {
                  key: 'counts',
                  label: t('training.programmes.enrolledAttended'),
                  children: (
                    <span data-testid="programme-counts">
                      {p.enrolled} / {p.attended}
                    </span>
                  ),
                },
                ...(p.note
                  ? [{ key: 'note', label: t('training.programmes.form.note'), children: p.note }]
                  : []),
              ]}
            />
          </Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setSearch({ tab: k }, { replace: true })}
            destroyOnHidden
            items={[
              {
                key: 'enrolment',
                label: t('training.programmes.tabEnrolment'),
                children: <EnrolmentTab programme={p} />,
              },
              ...(canManage
                ? [
                    {
                      key: 'attendance',
                      label: t('training.programmes.tabAttendance'),
                      children: <AttendanceTab programme={p} />,
                    },
                  ]
                : []),
              {
                key: 'credits',
                label: t('training.programmes.tabCredits'),
                children: <CreditsTab programme={p} />,
              },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}
