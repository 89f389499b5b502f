import { ArrowLeftOutlined } from '@ant-design/icons';
import type { IndicatorBreakdown, IndicatorBreakdownRow } from '@ganbu/core';
import { Breadcrumb, Button, Card, Flex, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIndicatorBreakdown } from './api.ts';
import { ExplainDrawer } from './ExplainDrawer.tsx';
import { gapText, MetTag, unitsText } from './labels.tsx';
import { PeopleCard } from './PeopleCard.tsx';
import { ScopeBar } from './ScopeBar.tsx';
import { scopeOfSearch, searchOfScope } from './scope-url.ts';

/** The unit's own people (not in a child unit), shown as the table's last row. */
const OWN_KEY = '__own__';
type Row = IndicatorBreakdownRow & { own?: boolean };

function Summary({ data, onExplain }: { data: IndicatorBreakdown; onExplain: () => void }) {
  const { t } = useTranslation();
  const v = data.indicator;
  const gap = gapText(t, v);
  const units = unitsText(t, v);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="indicator-summary">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex vertical gap={4}>
          <Flex align="baseline" gap={12} wrap>
            <Typography.Text strong>{data.orgName}</Typography.Text>
            <Typography.Text style={{ fontSize: 24, fontWeight: 600 }} data-testid="indicator-summary-value">
              {v.valueText}
            </Typography.Text>
            <MetTag value={v} testId="indicator-summary-met" />
            <Typography.Text type="secondary">
              {t('selection.indicators.targetLabel', { target: v.targetText })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selection.indicators.counted', { population: v.population, numerator: v.numerator })}
            {units ? `；${units}` : ''}
          </Typography.Text>
          {gap ? (
            <Typography.Text type="danger" data-testid="indicator-summary-gap">
              {gap}
            </Typography.Text>
          ) : null}
        </Flex>
        <Button onClick={onExplain} data-testid="indicator-summary-explain">
          {t('selection.indicators.explainOpen')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * One indicator for a unit: the figures per child unit (adding up to the unit's), a breadcrumb back up the
 * chain, a click on a unit to go down, and the people behind the number with the way to the roster.
 */
export function IndicatorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const scope = scopeOfSearch(search);
  const breakdown = useIndicatorBreakdown(id, scope);
  const [explaining, setExplaining] = useState(false);
  const data = breakdown.data;
  const p = 'selection.indicators.breakdown';
  const goTo = (next: { orgId?: string | undefined; asOf?: string | undefined }) =>
    setSearch(searchOfScope({ ...scope, ...next }));

  const rows: Row[] = data
    ? [
        ...data.rows,
        ...(data.own.population > 0
          ? [
              {
                ...data.own,
                orgId: OWN_KEY,
                orgName: t(`${p}.own`, { name: data.orgName }),
                orgKind: data.rows[0]?.orgKind ?? 'district',
                hasChildren: false,
                own: true,
              } satisfies Row,
            ]
          : []),
      ]
    : [];

  const columns: TableColumnsType<Row> = [
    {
      title: t(`${p}.unit`),
      key: 'unit',
      render: (_: unknown, r) =>
        r.own ? (
          <Typography.Text type="secondary">{r.orgName}</Typography.Text>
        ) : (
          <Flex gap={6} align="center">
            <Typography.Link
              onClick={() => goTo({ orgId: r.orgId })}
              data-testid={`breakdown-open-${r.orgId}`}
            >
              {r.orgName}
            </Typography.Link>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`orgKinds.${r.orgKind}`)}</Tag>
          </Flex>
        ),
    },
    { title: t(`${p}.population`), dataIndex: 'population', align: 'right', width: 90 },
    { title: t(`${p}.numerator`), dataIndex: 'numerator', align: 'right', width: 90 },
    {
      title: t(`${p}.value`),
      key: 'value',
      align: 'right',
      width: 150,
      render: (_: unknown, r) => <span data-testid="breakdown-value">{r.valueText}</span>,
    },
    {
      title: t(`${p}.met`),
      key: 'met',
      width: 90,
      render: (_: unknown, r) => <MetTag value={r} />,
    },
    {
      title: t(`${p}.gap`),
      key: 'gap',
      width: 220,
      render: (_: unknown, r) =>
        data ? (
          <Flex vertical>
            <Typography.Text type="danger">
              {gapText(t, { ...r, target: data.indicator.target })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {unitsText(t, r)}
            </Typography.Text>
          </Flex>
        ) : null,
    },
  ];

  return (
    <PageContainer
      title={data?.indicator.name ?? t('selection.indicators.title')}
      extra={
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() =>
            void navigate(
              `/selection/indicators?${new URLSearchParams(searchOfScope({ asOf: scope.asOf })).toString()}`,
            )
          }
          data-testid="indicator-back"
        >
          {t(`${p}.back`)}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <ScopeBar
            orgId={data?.orgId ?? scope.orgId}
            asOf={data?.asOf ?? scope.asOf}
            packText={undefined}
            onChange={goTo}
          />
          {data ? (
            <Breadcrumb
              data-testid="indicator-breadcrumb"
              items={data.path.map((u, i) => ({
                key: u.orgId,
                title:
                  i === data.path.length - 1 ? (
                    <Typography.Text strong>{u.orgName}</Typography.Text>
                  ) : (
                    <Typography.Link onClick={() => goTo({ orgId: u.orgId })}>{u.orgName}</Typography.Link>
                  ),
              }))}
            />
          ) : null}
        </Flex>
      </Card>
      {breakdown.isError ? (
        <QueryError error={breakdown.error} onRetry={() => void breakdown.refetch()} />
      ) : null}
      {!data ? (
        breakdown.isError ? null : (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        )
      ) : (
        <Spin spinning={breakdown.isFetching && breakdown.isPlaceholderData}>
          <Summary data={data} onExplain={() => setExplaining(true)} />
          {/* a unit without sub-units: its figures are the summary's, its people below */}
          {data.rows.length ? (
            <Card size="small" title={t(`${p}.title`)} style={{ marginBottom: 16 }}>
              <Table<Row>
                rowKey="orgId"
                size="middle"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="breakdown-table"
              />
            </Card>
          ) : null}
          <PeopleCard key={`${data.orgId}:${data.asOf}`} id={id} data={data} />
          <ExplainDrawer
            value={explaining ? data.indicator : null}
            context={{ orgName: data.orgName, asOf: data.asOf }}
            onClose={() => setExplaining(false)}
          />
        </Spin>
      )}
    </PageContainer>
  );
}

export default IndicatorPage;
