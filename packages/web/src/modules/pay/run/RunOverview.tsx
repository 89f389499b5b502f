import type { PayRun } from '@ganbu/core';
import { Alert, Card, Collapse, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { Yuan } from '../labels.tsx';
import { ClauseTag } from '../PayExplanation.tsx';

/**
 * 核算说明 of the run: what was computed (scheme, year, scope, pack version, budget, total, people) and the
 * run-level steps — the budget rule, its feasibility against the band, the spreading factor — each with the
 * pack clause it applies; then the people of the population left without a line, with why.
 */
export function RunOverview({ run }: { run: PayRun }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('pay.run.overview')} data-testid="pay-run-overview">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'kind', label: t('pay.run.kind'), children: t(`pay.kind.${run.kind}`) },
            { key: 'period', label: t('pay.run.period'), children: t('pay.year', { year: run.period }) },
            { key: 'unit', label: t('pay.run.unit'), children: run.orgName },
            {
              key: 'pack',
              label: t('pay.run.pack'),
              children: t('pay.run.packVersion', { name: run.packName, date: run.packEffectiveFrom }),
            },
            {
              key: 'budget',
              label: t('pay.run.budget'),
              children: run.budgetFen === null ? t('pay.run.budgetDefault') : <Yuan fen={run.budgetFen} />,
            },
            {
              key: 'total',
              label: t('pay.run.total'),
              children: <Yuan fen={run.totalFen} strong testId="pay-run-total" />,
            },
            {
              key: 'count',
              label: t('pay.run.lineCount'),
              children: <span data-testid="pay-run-count">{run.lineCount}</span>,
            },
            { key: 'at', label: t('pay.run.computedAt'), children: formatDateTime(run.computedAt) },
          ]}
        />
        {run.computedAt === null ? (
          <Alert type="info" showIcon title={t('pay.run.notComputed')} />
        ) : run.steps.length > 0 ? (
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 160 } }}
            data-testid="pay-run-steps"
            items={run.steps.map((s, i) => ({
              key: i,
              label: s.label,
              children: (
                <Flex vertical gap={4}>
                  <Flex justify="space-between" align="baseline" gap={12}>
                    <Typography.Text style={{ wordBreak: 'break-word' }}>{s.value}</Typography.Text>
                    {s.amountFen !== undefined ? <Yuan fen={s.amountFen} /> : null}
                  </Flex>
                  <ClauseTag step={s} />
                </Flex>
              ),
            }))}
          />
        ) : null}
        {run.excluded.length > 0 ? (
          <Collapse
            size="small"
            data-testid="pay-run-excluded"
            items={[
              {
                key: 'excluded',
                label: t('pay.run.excluded', { count: run.excluded.length }),
                children: (
                  <Table
                    rowKey="cadreId"
                    size="small"
                    pagination={run.excluded.length > 10 ? { pageSize: 10 } : false}
                    dataSource={run.excluded}
                    columns={[
                      { title: t('pay.run.excludedName'), dataIndex: 'name', width: 120 },
                      { title: t('pay.run.excludedReason'), dataIndex: 'reason' },
                    ]}
                  />
                ),
              },
            ]}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
