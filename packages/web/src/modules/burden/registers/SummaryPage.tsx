import type { BurdenSummary } from '@ganbu/core';
import { Alert, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useBurdenSummary, useBurdenTrend } from './api.ts';

type Figure = 'meetings' | 'meetingMinutes' | 'documents' | 'inspections';
const FIGURES: { key: Figure; register: 'meeting' | 'document' | 'inspection' }[] = [
  { key: 'meetings', register: 'meeting' },
  { key: 'meetingMinutes', register: 'meeting' },
  { key: 'documents', register: 'document' },
  { key: 'inspections', register: 'inspection' },
];

/** A change in percent as a tag: green for a reduction, red for an increase. */
export function ChangeTag({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return <Tag>{t('burden.registers.noLastYear')}</Tag>;
  const text = `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change).toFixed(1)}%`;
  return <Tag color={change < 0 ? 'green' : change > 0 ? 'red' : 'default'}>{text}</Tag>;
}

/**
 * 减负年度汇总: the year's meetings, meeting time, documents and inspections in the user's scope with the
 * change against last year (from the registers' entries), each figure drilling to its entries, the trend
 * over three years and the sentence behind the figures.
 */
export default function SummaryPage() {
  const { t } = useTranslation();
  const thisYear = chinaDay().year();
  const [year, setYear] = useState(thisYear);
  const summary = useBurdenSummary(year);
  const trend = useBurdenTrend(year);
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  const columns: TableColumnsType<BurdenSummary> = [
    { title: t('burden.registers.year'), dataIndex: 'year', width: 90 },
    ...FIGURES.map((f) => ({
      title: t(`burden.registers.figures.${f.key}`),
      key: f.key,
      render: (_: unknown, s: BurdenSummary) => (
        <Flex gap={8} align="center">
          <span>{s[f.key].toLocaleString('zh-CN')}</span>
          <ChangeTag change={s.changeVsLastYear[f.key]} />
        </Flex>
      ),
    })),
  ];

  return (
    <PageContainer
      title={t('burden.registers.summaryTitle')}
      extra={
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t('burden.registers.yearOption', { year: y }) }))}
          data-testid="burden-summary-year"
        />
      }
    >
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        {FIGURES.map((f) => (
          <Col xs={24} sm={12} lg={6} key={f.key}>
            <Card loading={summary.isPending} data-testid={`burden-summary-${f.key}`}>
              <Statistic
                title={t(`burden.registers.figures.${f.key}`)}
                value={summary.data?.[f.key] ?? 0}
                groupSeparator=","
              />
              <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                <span>
                  <Typography.Text type="secondary">{t('burden.registers.vsLastYear')} </Typography.Text>
                  <span data-testid={`burden-summary-${f.key}-change`}>
                    <ChangeTag change={summary.data?.changeVsLastYear[f.key] ?? null} />
                  </span>
                </span>
                <Link
                  to={`/burden/registers?tab=${f.register}&year=${year}`}
                  data-testid={`burden-summary-${f.key}-drill`}
                >
                  {t('burden.registers.drill')}
                </Link>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      {summary.data ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={t('burden.registers.explanationTitle')}
          description={summary.data.explanation}
          data-testid="burden-summary-explanation"
        />
      ) : null}
      <Card title={t('burden.registers.trendTitle')} style={{ marginTop: 16 }} size="small">
        <Table<BurdenSummary>
          rowKey="year"
          size="small"
          loading={trend.isPending}
          dataSource={trend.data?.items}
          columns={columns}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="burden-summary-trend"
        />
      </Card>
    </PageContainer>
  );
}
