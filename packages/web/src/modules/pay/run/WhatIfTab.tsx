import type { PayRun, PayWhatIfResult } from '@ganbu/core';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePacks } from '../../../hooks/api/assessment.ts';
import { useWhatIf } from '../api.ts';
import { Delta, packChoices, payErrorText, Yuan, yuanToFen } from '../labels.tsx';
import { ExplanationDrawer, PaySteps } from '../PayExplanation.tsx';

type Line = PayWhatIfResult['lines'][number];
type Unit = PayWhatIfResult['units'][number];

interface Values {
  packId: string;
  effectiveFrom?: string;
  budget?: string;
}

/** before → after, with the change */
function Totals({ r }: { r: PayWhatIfResult }) {
  const { t } = useTranslation();
  const cell = (title: string, figure: ReactNode) => (
    <Col xs={24} sm={8}>
      <Card size="small">
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          {figure}
        </Flex>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} data-testid="pay-whatif-totals">
      {cell(t('pay.whatIf.before'), <Yuan fen={r.totals.beforeFen} size={22} />)}
      {cell(
        t('pay.whatIf.after'),
        <Yuan fen={r.totals.afterFen} strong size={22} testId="pay-whatif-after" />,
      )}
      {cell(t('pay.whatIf.delta'), <Delta fen={r.totals.deltaFen} size={22} testId="pay-whatif-delta" />)}
    </Row>
  );
}

/**
 * 政策测算: the run's frozen inputs under another pack (its version in force at the year's end, or one
 * chosen) and optionally another budget — totals before/after, per unit, per person by the size of the
 * change, each person's explanation under the other version. Nothing is stored.
 */
export function WhatIfTab({ run }: { run: PayRun }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const packs = usePacks();
  const whatIf = useWhatIf();
  const [open, setOpen] = useState<Line | null>(null);
  const packId = Form.useWatch('packId', form);
  const choices = useMemo(() => packChoices(packs.data ?? []), [packs.data]);
  const versions = useMemo(
    () =>
      (packs.data ?? [])
        .filter((p) => p.packId === packId)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)),
    [packs.data, packId],
  );
  const r = whatIf.data;
  const error = whatIf.isError ? payErrorText(whatIf.error) : null;

  const submit = (v: Values) =>
    whatIf.mutate({
      id: run.id,
      input: {
        packId: v.packId,
        effectiveFrom: v.effectiveFrom || undefined,
        budget: v.budget?.trim() ? (yuanToFen(v.budget) ?? undefined) : undefined,
      },
    });

  const money = (key: 'beforeFen' | 'afterFen') => ({
    title: t(key === 'beforeFen' ? 'pay.whatIf.before' : 'pay.whatIf.after'),
    key,
    width: 140,
    align: 'right' as const,
    render: (_: unknown, x: Unit | Line) => <Yuan fen={x[key]} />,
  });
  const unitColumns: TableColumnsType<Unit> = [
    { title: t('pay.units.unit'), dataIndex: 'unitName', width: 200 },
    { title: t('pay.whatIf.count'), dataIndex: 'count', width: 70, align: 'right' },
    money('beforeFen'),
    money('afterFen'),
    {
      title: t('pay.whatIf.delta'),
      key: 'delta',
      width: 140,
      align: 'right',
      render: (_: unknown, u) => <Delta fen={u.deltaFen} />,
    },
  ];
  const lineColumns: TableColumnsType<Line> = [
    { title: t('pay.lines.name'), dataIndex: 'name', width: 100 },
    { title: t('pay.lines.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    money('beforeFen'),
    money('afterFen'),
    {
      title: t('pay.whatIf.delta'),
      key: 'delta',
      width: 140,
      align: 'right',
      render: (_: unknown, l) => <Delta fen={l.deltaFen} testId={`pay-whatif-delta-${l.cadreId}`} />,
    },
    {
      title: t('pay.whatIf.explain'),
      key: 'summary',
      ellipsis: { showTitle: true },
      render: (_: unknown, l) => l.after.summary,
    },
    {
      title: t('common.actions'),
      key: 'explain',
      width: 120,
      render: (_: unknown, l) => (
        <Typography.Link onClick={() => setOpen(l)} data-testid={`pay-whatif-explain-${l.cadreId}`}>
          {t('pay.mine.explain')}
        </Typography.Link>
      ),
    },
  ];

  if (run.computedAt === null) return <Alert type="info" showIcon title={t('pay.whatIf.notComputed')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('pay.whatIf.intro')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ packId: run.packId }}
        data-testid="pay-whatif-form"
      >
        <Form.Item name="packId" label={t('pay.whatIf.pack')} rules={[{ required: true }]}>
          <Select
            style={{ width: 340 }}
            loading={packs.isPending}
            onChange={() => form.setFieldValue('effectiveFrom', undefined)}
            options={choices.map((p) => ({ value: p.packId, label: `${p.name}（${p.locality}）` }))}
            data-testid="pay-whatif-pack"
          />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('pay.whatIf.version')}>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('pay.whatIf.versionDefault')}
            options={versions.map((v) => ({
              value: v.effectiveFrom,
              label: `${t('pay.whatIf.versionFrom', { date: v.effectiveFrom })}${v.origin === 'edited' ? ' ✎' : ''}`,
            }))}
            data-testid="pay-whatif-version"
          />
        </Form.Item>
        <Form.Item
          name="budget"
          label={t('pay.whatIf.budget')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || yuanToFen(v) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pay.create.budgetInvalid'))),
            },
          ]}
        >
          <Input
            prefix="¥"
            style={{ width: 200 }}
            placeholder={t('pay.whatIf.budgetPlaceholder')}
            data-testid="pay-whatif-budget"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={whatIf.isPending} data-testid="pay-whatif-run">
            {t('pay.whatIf.run')}
          </Button>
        </Form.Item>
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.detail}
          data-testid="pay-whatif-error"
        />
      ) : null}
      {r ? (
        <Flex vertical gap={16} data-testid="pay-whatif-result">
          <Typography.Text strong>
            {t('pay.whatIf.result', { name: r.pack.name, date: r.pack.effectiveFrom })}
          </Typography.Text>
          <Totals r={r} />
          {r.steps.length > 0 ? (
            <Collapse
              size="small"
              items={[{ key: 'steps', label: t('pay.whatIf.steps'), children: <PaySteps steps={r.steps} /> }]}
            />
          ) : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('pay.whatIf.units')}
          </Typography.Title>
          <Table<Unit>
            rowKey="unitId"
            size="small"
            columns={unitColumns}
            dataSource={r.units}
            pagination={r.units.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            data-testid="pay-whatif-units"
          />
          <Flex justify="space-between" align="baseline" wrap gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('pay.whatIf.people')}
            </Typography.Title>
            {r.lineCount > r.lines.length ? (
              <Typography.Text type="secondary" data-testid="pay-whatif-capped">
                {t('pay.whatIf.capped', { shown: r.lines.length, count: r.lineCount })}
              </Typography.Text>
            ) : null}
          </Flex>
          <Table<Line>
            rowKey="cadreId"
            size="small"
            columns={lineColumns}
            dataSource={r.lines}
            pagination={{
              pageSize: 20,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            scroll={{ x: 1000 }}
            data-testid="pay-whatif-lines"
          />
        </Flex>
      ) : null}
      <ExplanationDrawer
        line={
          open
            ? {
                name: open.name,
                unitName: open.unitName,
                amountFen: open.afterFen,
                baseFen: null,
                explanation: open.after,
              }
            : null
        }
        runName={r ? t('pay.whatIf.result', { name: r.pack.name, date: r.pack.effectiveFrom }) : undefined}
        onClose={() => setOpen(null)}
      />
    </Flex>
  );
}
