import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useDashboard } from './api.ts';
import { DrillDrawer } from './DrillDrawer.tsx';
import { levelsFor, paramsOfSearch, searchOfParams } from './levels.ts';
import { SectionCard, type DrillTarget } from './SectionCard.tsx';

/**
 * 数据看板: the dashboard of the reader's level (组织部 the district, a unit administrator their unit, a leader
 * their overview), a year and — for a district reader or a leader — a unit of theirs. One card per section the
 * server sends (chart, table behind it, explanation, Excel); every figure drills down to what it counts.
 * The choice lives in the address bar (`?level=&orgId=&year=`), so a link shows the same dashboard.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const levels = useMemo(() => levelsFor(me.roles), [me.roles]);
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsOfSearch(search, levels), [search, levels]);
  const dashboard = useDashboard(params);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const data = dashboard.data;
  const p = 'dashboard.overview';
  // the figures drilled into are those of the dashboard shown: its level and year as the server took them, and
  // the unit only when one was picked (a leader's overview without one counts the leader's linked units)
  const shown = data ? { level: data.level, orgId: params.orgId, year: data.year } : params;
  const go = (next: typeof params) => setSearch(searchOfParams(next));
  const thisYear = chinaDay().year();

  return (
    <PageContainer title={t(`${p}.title`)}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          {levels.length > 1 ? (
            <Flex gap={8} align="center">
              <Typography.Text>{t(`${p}.level`)}</Typography.Text>
              <Segmented
                value={data?.level ?? params.level ?? levels[0]}
                onChange={(level) => go({ level, year: params.year })}
                options={levels.map((l) => ({
                  value: l,
                  label: <span data-testid={`dash-level-${l}`}>{t(`${p}.levels.${l}`)}</span>,
                }))}
              />
            </Flex>
          ) : null}
          {data && data.units.length > 1 ? (
            <Flex gap={8} align="center">
              <Typography.Text>{t(`${p}.unit`)}</Typography.Text>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 220 }}
                placeholder={t(`${p}.unitPlaceholder`)}
                value={data.level === 'unit' ? data.org.id : undefined}
                onChange={(orgId: string) =>
                  go({ level: levels.includes('unit') ? 'unit' : params.level, orgId, year: params.year })
                }
                options={data.units.map((u) => ({ value: u.id, label: u.name }))}
                data-testid="dash-unit"
              />
            </Flex>
          ) : null}
          <Flex gap={8} align="center">
            <Typography.Text>{t(`${p}.year`)}</Typography.Text>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${data?.year ?? params.year ?? thisYear}-01-01`)}
              disabledDate={(d) => d.year() > thisYear}
              onChange={(d) => d && go({ ...params, year: d.year() })}
              data-testid="dash-year"
            />
          </Flex>
        </Flex>
      </Card>
      {dashboard.error ? <QueryError error={dashboard.error} onRetry={dashboard.refetch} /> : null}
      {data ? (
        <>
          <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 12 }}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="dash-heading">
              {t(`${p}.heading`, { org: data.org.name, year: data.year })}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`${p}.hint`)}
            </Typography.Text>
          </Flex>
          {data.sections.length === 0 && !dashboard.more ? (
            <Card>
              <Empty description={t(`${p}.noSections`, { org: data.org.name, year: data.year })} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} data-testid="dash-sections">
              {data.sections.map((s) => (
                <Col xs={24} xl={12} key={s.id}>
                  <SectionCard
                    section={s}
                    params={shown}
                    filePrefix={t(`${p}.filePrefix`, { org: data.org.name, year: data.year })}
                    onDrill={setDrill}
                  />
                </Col>
              ))}
              {dashboard.more ? (
                <Col xs={24} xl={12}>
                  <Card size="small" data-testid="dash-more">
                    <Typography.Text type="secondary">{t(`${p}.more`)}</Typography.Text>
                    <Skeleton active paragraph={{ rows: 5 }} />
                  </Card>
                </Col>
              ) : null}
            </Row>
          )}
        </>
      ) : dashboard.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : null}
      <DrillDrawer params={shown} target={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
