import { PlusOutlined } from '@ant-design/icons';
import { can, type IndicatorList, type IndicatorValue } from '@ganbu/core';
import { Button, Card, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIndicators } from './api.ts';
import { ExplainDrawer } from './ExplainDrawer.tsx';
import { IndicatorEditorDrawer } from './editor/IndicatorEditorDrawer.tsx';
import { gapText, MetTag, unitsText } from './labels.tsx';
import { ScopeBar } from './ScopeBar.tsx';
import { indicatorPath, scopeOfSearch, searchOfScope } from './scope-url.ts';

/** One indicator: its value against the target, judged, what is missing, and the way to the breakdown. */
function IndicatorCard({
  value,
  list,
  onExplain,
}: {
  value: IndicatorValue;
  list: IndicatorList;
  onExplain: () => void;
}) {
  const { t } = useTranslation();
  const p = 'selection.indicators';
  const gap = gapText(t, value);
  const units = unitsText(t, value);
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
      data-testid={`indicator-card-${value.id}`}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }} data-testid={`indicator-name-${value.id}`}>
          {value.name}
        </Typography.Text>
        <MetTag value={value} testId={`indicator-met-${value.id}`} />
      </Flex>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text
          style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2 }}
          data-testid={`indicator-value-${value.id}`}
        >
          {value.valueText}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid={`indicator-target-${value.id}`}>
          {t(`${p}.targetLabel`, { target: value.targetText })}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`${p}.counted`, { population: value.population, numerator: value.numerator })}
        {units ? `；${units}` : ''}
      </Typography.Text>
      {gap ? (
        <Typography.Text type="danger" data-testid={`indicator-gap-${value.id}`}>
          {gap}
        </Typography.Text>
      ) : null}
      <Flex gap={8} style={{ marginTop: 'auto', paddingTop: 4 }} wrap>
        <Link
          to={indicatorPath(value.id, { orgId: list.orgId, asOf: list.asOf })}
          data-testid={`indicator-open-${value.id}`}
        >
          <Button size="small" type="primary" ghost>
            {t(`${p}.drill`)}
          </Button>
        </Link>
        <Button size="small" onClick={onExplain} data-testid={`indicator-explain-${value.id}`}>
          {t(`${p}.explainOpen`)}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * 结构指标: every indicator of the district's pack over a unit's subtree on a day — value against target, 达标
 * or not, the gap — with the explanation one click away and the breakdown per unit a click further.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [search, setSearch] = useSearchParams();
  const scope = scopeOfSearch(search);
  const list = useIndicators(scope);
  const [explained, setExplained] = useState<IndicatorValue | null>(null);
  const [defining, setDefining] = useState(false);
  const define = can(me.roles, 'indicator.define') && can(me.roles, 'pack.write');
  const data = list.data;
  const p = 'selection.indicators';

  return (
    <PageContainer
      title={t(`${p}.title`)}
      extra={
        define ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDefining(true)}
            disabled={!data}
            data-testid="indicator-define"
          >
            {t(`${p}.define`)}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t(`${p}.intro`)}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <ScopeBar
          orgId={data?.orgId ?? scope.orgId}
          asOf={data?.asOf ?? scope.asOf}
          packText={
            data ? t(`${p}.packVersion`, { name: data.packName, date: data.effectiveFrom }) : undefined
          }
          onChange={(next) => setSearch(searchOfScope({ ...scope, ...next }), { replace: true })}
        />
      </Card>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {!data ? (
        list.isError ? null : (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin data-testid="indicators-loading" />
          </Flex>
        )
      ) : data.items.length === 0 ? (
        <Card size="small">
          <Empty description={t(`${p}.none`)} data-testid="indicators-empty" />
        </Card>
      ) : (
        <Spin spinning={list.isFetching && list.isPlaceholderData}>
          <Row gutter={[16, 16]} data-testid="indicators-grid">
            {data.items.map((v) => (
              <Col key={v.id} xs={24} lg={12} xxl={8}>
                <IndicatorCard value={v} list={data} onExplain={() => setExplained(v)} />
              </Col>
            ))}
          </Row>
        </Spin>
      )}
      {data ? (
        <ExplainDrawer
          value={explained}
          context={{
            orgName: data.orgName,
            asOf: data.asOf,
            packName: data.packName,
            effectiveFrom: data.effectiveFrom,
          }}
          onClose={() => setExplained(null)}
        />
      ) : null}
      {define && data ? (
        <IndicatorEditorDrawer open={defining} list={data} onClose={() => setDefining(false)} />
      ) : null}
    </PageContainer>
  );
}

export default IndicatorsPage;
