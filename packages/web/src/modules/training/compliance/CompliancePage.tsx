import type { ComplianceLine, ComplianceUnit, HoldingReport, RequirementJudgement } from '@ganbu/core';
import { Button, Card, Flex, Input, Popover, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { fmtDays, OrgTreePicker, thisYear, YearSelect } from '../programmes/common.tsx';
import { useCompliance, useHolding } from './api.ts';

type Show = 'short' | 'all';
type Plan = HoldingReport['plans'][number];

const days = fmtDays;

/** One requirement judged for one cadre: 达标 / 未达标 (red once warnings are due) with its sentence in a popover. */
export function JudgementTag({ j, testId }: { j: RequirementJudgement; testId: string }) {
  const { t } = useTranslation();
  const color = j.met ? 'green' : j.warning ? 'red' : 'orange';
  return (
    <Popover
      content={<div style={{ maxWidth: 360 }}>{j.explanation}</div>}
      title={j.requirementName}
      trigger={['hover', 'click']}
    >
      <Tag color={color} style={{ cursor: 'help', whiteSpace: 'normal' }} data-testid={testId}>
        {t('training.compliance.judgement', {
          name: j.requirementName,
          state: j.met ? t('training.compliance.met') : t('training.compliance.missed'),
        })}
      </Tag>
    </Popover>
  );
}

/**
 * 培训达标情况 (R-TRN-2): the pack's requirements judged per cadre on a day — first per unit (how many are
 * short; a click narrows to the unit), then per cadre (days, required, shortfall, each requirement met or
 * missed with its sentence) — and what the organisers held against the pack's holding plans. The unit admin's
 * shortfall notice opens it on their unit (`?orgId=`).
 */
export default function CompliancePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const orgId = search.get('orgId') ?? undefined;
  const [year, setYear] = useState(thisYear());
  const [show, setShow] = useState<Show>('short');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const report = useCompliance({
    year,
    orgId,
    onlyShort: show === 'short',
    q: q || undefined,
    page,
    pageSize,
  });
  const holding = useHolding(year);
  const setOrg = (id: string | undefined) => {
    setSearch(id ? { orgId: id } : {}, { replace: true });
    setPage(1);
  };

  const unitColumns: TableColumnsType<ComplianceUnit> = [
    {
      title: t('training.compliance.unit'),
      dataIndex: 'unitName',
      render: (name: string, u) =>
        u.orgId === orgId ? (
          <Typography.Text strong>{name}</Typography.Text>
        ) : (
          <Typography.Link onClick={() => setOrg(u.orgId)} data-testid={`compliance-unit-${u.orgId}`}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('training.compliance.judged'), dataIndex: 'required', width: 100, align: 'right' },
    { title: t('training.compliance.metCount'), dataIndex: 'met', width: 100, align: 'right' },
    {
      title: t('training.compliance.shortCount'),
      dataIndex: 'short',
      width: 100,
      align: 'right',
      render: (n: number, u) => (
        <span data-testid={`compliance-unit-short-${u.orgId}`}>
          {n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n}
        </span>
      ),
    },
    {
      title: t('training.compliance.averageDays'),
      dataIndex: 'averageDays',
      width: 110,
      align: 'right',
      render: (n: number) => days(n),
    },
    {
      title: t('training.compliance.rate'),
      key: 'rate',
      width: 180,
      render: (_: unknown, u) => (
        <Progress
          percent={u.required === 0 ? 100 : Math.round((u.met / u.required) * 100)}
          size="small"
          status={u.short > 0 ? 'exception' : 'success'}
        />
      ),
    },
  ];

  const cadreColumns: TableColumnsType<ComplianceLine> = [
    { title: t('training.compliance.cadre'), dataIndex: 'cadreName', width: 90, fixed: 'left' },
    { title: t('training.compliance.unit'), dataIndex: 'unitName', ellipsis: true, width: 170 },
    {
      title: t('training.compliance.days'),
      dataIndex: 'days',
      width: 100,
      align: 'right',
      render: (n: number, c) => <span data-testid={`compliance-days-${c.cadreId}`}>{days(n)}</span>,
    },
    {
      title: t('training.compliance.required'),
      dataIndex: 'required',
      width: 100,
      align: 'right',
      render: (n: number | null) => (n === null ? t('common.empty') : days(n)),
    },
    {
      title: t('training.compliance.shortfall'),
      dataIndex: 'shortfall',
      width: 100,
      align: 'right',
      render: (n: number, c) => (
        <span data-testid={`compliance-shortfall-${c.cadreId}`}>
          {n > 0 ? <Typography.Text type="danger">{days(n)}</Typography.Text> : '0'}
        </span>
      ),
    },
    {
      title: t('training.compliance.requirements'),
      key: 'requirements',
      render: (_: unknown, c) => (
        <Flex gap={4} wrap>
          {c.judgements.map((j) => (
            <JudgementTag
              key={j.requirementId}
              j={j}
              testId={`compliance-req-${c.cadreId}-${j.requirementId}`}
            />
          ))}
        </Flex>
      ),
    },
    {
      title: t('training.compliance.explanation'),
      dataIndex: 'explanation',
      width: 360,
      render: (text: string, c) => (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          data-testid={`compliance-explain-${c.cadreId}`}
        >
          {text}
        </Typography.Text>
      ),
    },
  ];

  const planColumns: TableColumnsType<Plan> = [
    { title: t('training.compliance.plan'), dataIndex: 'name' },
    { title: t('training.compliance.kind'), dataIndex: 'kindName', width: 120 },
    {
      title: t('training.compliance.held'),
      key: 'held',
      width: 170,
      render: (_: unknown, p) => (
        <Space size={4} data-testid={`compliance-plan-${p.planId}`}>
          <Typography.Text strong>
            {p.max === null
              ? t('training.compliance.heldOfMin', { held: p.held, min: p.min })
              : t('training.compliance.heldOfRange', { held: p.held, min: p.min, max: p.max })}
          </Typography.Text>
          <Tag color={p.met ? 'green' : 'orange'}>
            {p.met ? t('training.compliance.planMet') : t('training.compliance.planOpen')}
          </Tag>
        </Space>
      ),
    },
    { title: t('training.compliance.explanation'), dataIndex: 'explanation' },
  ];

  const unitName = orgId ? report.data?.units.find((u) => u.orgId === orgId)?.unitName : undefined;

  return (
    <PageContainer title={t('training.compliance.title')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
            testId="compliance-year"
          />
          <OrgTreePicker
            value={orgId}
            onChange={(v) => setOrg(typeof v === 'string' ? v : undefined)}
            allowClear
            placeholder={t('training.compliance.allUnits')}
            width={260}
            testId="compliance-org"
          />
          <Segmented<Show>
            value={show}
            onChange={(v) => {
              setShow(v);
              setPage(1);
            }}
            options={[
              { value: 'short', label: t('training.compliance.showShort') },
              { value: 'all', label: t('training.compliance.showAll') },
            ]}
            data-testid="compliance-show"
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('training.compliance.search')}
            style={{ maxWidth: 240 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="compliance-search"
          />
        </Flex>
      </Card>
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? (
        <Typography.Paragraph type="secondary" data-testid="compliance-basis">
          {t('training.compliance.basis', { pack: report.data.packName, asOf: report.data.asOf })}
          {report.data.requirements.map((r) => r.text).join(t('common.listSep'))}
        </Typography.Paragraph>
      ) : null}
      {holding.data && holding.data.plans.length > 0 ? (
        <Card size="small" title={t('training.compliance.plans')} style={{ marginBottom: 16 }}>
          <Table<Plan>
            rowKey="planId"
            size="small"
            pagination={false}
            columns={planColumns}
            dataSource={holding.data.plans}
            scroll={{ x: 'max-content' }}
            data-testid="compliance-plans"
          />
        </Card>
      ) : null}
      <Card size="small" title={t('training.compliance.byUnit')} style={{ marginBottom: 16 }}>
        <Table<ComplianceUnit>
          rowKey="orgId"
          size="small"
          columns={unitColumns}
          dataSource={report.data?.units}
          loading={report.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="compliance-units"
        />
      </Card>
      <Card
        size="small"
        title={
          unitName ? t('training.compliance.byCadreOf', { unit: unitName }) : t('training.compliance.byCadre')
        }
        extra={
          orgId ? (
            <Button size="small" onClick={() => setOrg(undefined)} data-testid="compliance-all-units">
              {t('training.compliance.allUnits')}
            </Button>
          ) : null
        }
      >
        <Table<ComplianceLine>
          rowKey="cadreId"
          size="small"
          columns={cadreColumns}
          dataSource={report.data?.items}
          loading={report.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="compliance-cadres"
          pagination={{
            current: page,
            pageSize,
            total: report.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
    </PageContainer>
  );
}
