import {
  CARE_COVERAGE_KINDS,
  CareCoverageSchema,
  type CareCoverageKind,
  type CareCoverageRow,
} from '@ganbu/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Flex, Progress, Select, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { api } from '../../../lib/http.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import { recentYears } from '../health/HealthPage.tsx';

/**
 * 关爱覆盖情况 (R-CARE-1/2/4): per unit, what the pack plans for the year and what was done — health checks,
 * heart-to-heart talks, annual leave — over the one endpoint; click a unit to go one level down (the trail
 * of units above leads back). Kind, year and unit live in the address.
 */
export default function CoveragePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rawKind = params.get('kind');
  const kind: CareCoverageKind = CARE_COVERAGE_KINDS.find((k) => k === rawKind) ?? 'health';
  const year = Number(params.get('year')) || recentYears()[0] || 2026;
  const orgId = params.get('orgId') ?? undefined;
  const trail = (params.get('trail') ?? '').split(',').filter(Boolean);
  const set = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({
      kind,
      year: String(year),
      orgId,
      trail: trail.join(','),
      ...next,
    }))
      if (v) merged[k] = v;
    setParams(merged, { replace: true });
  };
  const q = useQuery({
    queryKey: ['care-coverage', kind, year, orgId],
    queryFn: () => api.get(CareCoverageSchema, '/api/care/coverage', { kind, year, orgId }),
  });
  const data = q.data;
  const down = (r: CareCoverageRow) => {
    if (!r.orgId || !data) return;
    set({ orgId: r.orgId, trail: [...trail, `${data.orgId}~${data.orgName}`].join(',') });
  };
  const crumbs = trail.map((x) => {
    const [id, ...name] = x.split('~');
    return { id: id ?? '', name: name.join('~') };
  });
  return (
    <PageContainer title={t('care.coverage.title')}>
      <Tabs
        activeKey={kind}
        onChange={(k) => set({ kind: k })}
        items={CARE_COVERAGE_KINDS.map((k) => ({ key: k, label: t(`care.coverage.kind.${k}`) }))}
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          value={year}
          onChange={(v) => set({ year: String(v) })}
          options={recentYears().map((y) => ({
            value: y,
            label: t('care.coverage.yearOption', { year: y }),
          }))}
          style={{ width: 120 }}
          data-testid="coverage-year"
        />
        <div style={{ width: 280 }}>
          <UnitPicker
            value={orgId}
            onChange={(v) => set({ orgId: v, trail: '' })}
            testId="coverage-unit"
            placeholder={t('care.coverage.unitPlaceholder')}
          />
        </div>
      </Flex>
      {crumbs.length ? (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            ...crumbs.map((c, i) => ({
              title: (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => set({ orgId: c.id, trail: trail.slice(0, i).join(',') })}
                >
                  {c.name}
                </Button>
              ),
            })),
            { title: data?.orgName ?? '' },
          ]}
        />
      ) : null}
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {data ? (
        <>
          <Flex gap={24} wrap align="center" style={{ marginBottom: 12 }} data-testid="coverage-total">
            <Typography.Text strong>{data.orgName}</Typography.Text>
            <Typography.Text>
              {t('care.coverage.totalLine', {
                planned: data.total.planned,
                done: data.total.done,
                rate: data.total.rate === null ? '—' : `${data.total.rate.toFixed(1)}%`,
              })}
            </Typography.Text>
            <Progress percent={data.total.rate ?? 0} style={{ width: 240, margin: 0 }} format={() => ''} />
          </Flex>
          <Table<CareCoverageRow>
            rowKey={(r) => r.orgId ?? 'own'}
            size="middle"
            loading={q.isFetching}
            dataSource={data.rows}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="coverage-table"
            onRow={(r) => ({
              onClick: () => down(r),
              style: r.orgId ? { cursor: 'pointer' } : undefined,
            })}
            columns={[
              {
                title: t('care.coverage.col.unit'),
                dataIndex: 'orgName',
                render: (name: string, r) => (r.orgId ? <Typography.Link>{name}</Typography.Link> : name),
              },
              { title: t(`care.coverage.planned.${kind}`), dataIndex: 'planned', width: 120, align: 'right' },
              { title: t(`care.coverage.done.${kind}`), dataIndex: 'done', width: 120, align: 'right' },
              {
                title: t('care.coverage.col.rate'),
                dataIndex: 'rate',
                width: 280,
                render: (rate: number | null) =>
                  rate === null ? (
                    t('care.coverage.nothingPlanned')
                  ) : (
                    <Flex gap={8} align="center">
                      <span style={{ width: 52, textAlign: 'right' }}>{rate.toFixed(1)}%</span>
                      <Progress
                        percent={rate}
                        size="small"
                        showInfo={false}
                        status={rate >= 100 ? 'success' : 'normal'}
                        style={{ flex: 1, margin: 0 }}
                      />
                    </Flex>
                  ),
              },
            ]}
          />
          <Alert
            type="info"
            showIcon
            title={data.explanation}
            style={{ marginTop: 16 }}
            data-testid="coverage-explanation"
          />
        </>
      ) : null}
    </PageContainer>
  );
}
