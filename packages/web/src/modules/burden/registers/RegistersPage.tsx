import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { can, type BurdenEntry, type BurdenRegister } from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { registersZhCN } from './i18n.zh-CN.ts';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { exportUrl, templateUrl, useDeleteEntry, useOvertimeDistribution, useRegister } from './api.ts';
import { EntryDrawer } from './EntryDrawer.tsx';
import { ImportModal } from './ImportModal.tsx';

const REGISTERS: BurdenRegister[] = ['meeting', 'document', 'inspection', 'overtime'];
const isRegister = (s: string | null): s is BurdenRegister => REGISTERS.includes(s as BurdenRegister);

/** 加班分布: the pack's period, the bands, mean and maximum over the overtime register. */
function OvertimeCard() {
  const { t } = useTranslation();
  const d = useOvertimeDistribution();
  if (!d.data) return null;
  const o = (k: keyof typeof registersZhCN.overtime) => t(`burden.registers.overtime.${k}`);
  return (
    <Card
      size="small"
      title={t('burden.registers.overtime.title', { months: d.data.months })}
      style={{ marginBottom: 16 }}
      data-testid="burden-overtime-distribution"
    >
      <Row gutter={16}>
        <Col xs={8} md={4}>
          <Statistic title={o('cadres')} value={d.data.cadres} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic
            title={o('mean')}
            value={d.data.mean ?? '—'}
            precision={d.data.mean === null ? undefined : 1}
          />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={o('max')} value={d.data.max ?? '—'} />
        </Col>
        <Col xs={24} md={12}>
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            {d.data.bands.map((b) => (
              <Tag key={b.label}>
                {b.label}：{b.count}
              </Tag>
            ))}
          </Flex>
        </Col>
      </Row>
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>{d.data.explanation}</div>
    </Card>
  );
}

/**
 * 减负登记簿: tabs 会议 / 文件 / 督查检查考核 / 加班, each a list in scope with year, kind and search filters,
 * an add/edit drawer, the Excel template, import (all or nothing, row report) and export. `?tab=&year=`
 * (the summary page's drill-down) opens a register on a year.
 */
export default function RegistersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'burden.manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const register: BurdenRegister = isRegister(tab) ? tab : 'meeting';
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined;
  const [kindId, setKindId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<BurdenEntry | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useRegister(register, { year, kindId, q: q || undefined, page, pageSize });
  const remove = useDeleteEntry();
  const policy = list.data?.policy;
  const c = (key: keyof typeof registersZhCN.columns) => t(`burden.registers.columns.${key}`);
  const thisYear = chinaDay().year();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  const set = (next: { tab?: BurdenRegister; year?: number | undefined }) => {
    const p = new URLSearchParams(params);
    if (next.tab) p.set('tab', next.tab);
    if ('year' in next) {
      if (next.year) p.set('year', String(next.year));
      else p.delete('year');
    }
    setParams(p, { replace: true });
    setPage(1);
  };

  const kinds =
    register === 'meeting'
      ? policy?.meetingKinds
      : register === 'document'
        ? policy?.documentKinds
        : register === 'inspection'
          ? policy?.inspectionKinds
          : [];
  const targets = (e: BurdenEntry) => e.targets.map((x) => x.name).join('、');
  const approvals = (e: BurdenEntry) => (
    <Space orientation="vertical" size={0}>
      {e.overPlanApproval ? (
        <span>
          {t('burden.registers.overPlanApproval', {
            reference: e.overPlanApproval.reference,
            date: e.overPlanApproval.approvedOn,
          })}
        </span>
      ) : null}
      {e.vetoApproval ? (
        <span>
          {t('burden.registers.vetoApproval', {
            reference: e.vetoApproval.reference,
            date: e.vetoApproval.approvedOn,
          })}
        </span>
      ) : null}
    </Space>
  );
  const byRegister: Record<BurdenRegister, TableColumnsType<BurdenEntry>> = {
    meeting: [
      { title: c('date'), dataIndex: 'date', width: 110 },
      { title: c('org'), dataIndex: 'orgName', width: 160 },
      { title: c('kind'), dataIndex: 'kindName', width: 120 },
      { title: c('title'), dataIndex: 'title' },
      { title: c('minutes'), dataIndex: 'minutes', width: 100, align: 'right' },
      { title: c('targets'), key: 'targets', width: 200, ellipsis: true, render: (_, e) => targets(e) },
      {
        title: c('video'),
        dataIndex: 'video',
        width: 90,
        render: (v: boolean | null) => (v ? t('burden.registers.yes') : t('burden.registers.no')),
      },
    ],
    document: [
      { title: c('date'), dataIndex: 'date', width: 110 },
      { title: c('issuer'), dataIndex: 'orgName', width: 160 },
      { title: c('kind'), dataIndex: 'kindName', width: 120 },
      { title: c('number'), dataIndex: 'number', width: 170 },
      { title: c('docTitle'), dataIndex: 'title' },
    ],
    inspection: [
      {
        title: c('period'),
        key: 'period',
        width: 200,
        render: (_, e) => (e.endDate ? `${e.date} 至 ${e.endDate}` : e.date),
      },
      { title: c('org'), dataIndex: 'orgName', width: 150 },
      { title: c('kind'), dataIndex: 'kindName', width: 80 },
      { title: c('title'), dataIndex: 'title' },
      { title: c('inspected'), key: 'targets', width: 160, ellipsis: true, render: (_, e) => targets(e) },
      {
        title: c('veto'),
        dataIndex: 'veto',
        width: 90,
        render: (v: boolean) =>
          v ? <Tag color="red">{t('burden.registers.yes')}</Tag> : t('burden.registers.no'),
      },
      { title: c('approvals'), key: 'approvals', width: 240, render: (_, e) => approvals(e) },
    ],
    overtime: [
      { title: c('cadre'), dataIndex: 'cadreName', width: 100 },
      { title: c('unit'), dataIndex: 'orgName', width: 160 },
      {
        title: c('period'),
        key: 'period',
        width: 200,
        render: (_, e) => (e.endDate ? `${e.date} 至 ${e.endDate}` : e.date),
      },
      { title: c('times'), dataIndex: 'times', width: 80, align: 'right' },
      { title: c('hours'), dataIndex: 'hours', width: 100, align: 'right' },
      { title: c('reason'), dataIndex: 'title' },
    ],
  };
  const columns: TableColumnsType<BurdenEntry> = [
    ...byRegister[register],
    ...(canManage
      ? [
          {
            title: c('actions'),
            key: 'actions',
            width: 130,
            fixed: 'right' as const,
            render: (_: unknown, e: BurdenEntry) =>
              e.editable ? (
                <Space>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setEditing(e)}
                    data-testid="burden-entry-edit"
                  >
                    {t('burden.registers.edit')}
                  </Button>
                  <Popconfirm
                    title={t('burden.registers.deleteConfirm')}
                    onConfirm={() =>
                      remove.mutate(
                        { register, id: e.id },
                        { onSuccess: () => void message.success(t('burden.registers.deleted')) },
                      )
                    }
                  >
                    <Button size="small" type="link" danger>
                      {t('burden.registers.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Tooltip title={t('burden.registers.readOnly')}>
                  <Tag>—</Tag>
                </Tooltip>
              ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('burden.registers.title')}
      extra={
        <>
          {canManage ? (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="burden-add"
              >
                {t('burden.registers.add')}
              </Button>
              <Button icon={<FileExcelOutlined />} href={templateUrl(register)} data-testid="burden-template">
                {t('burden.registers.template')}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="burden-import-open"
              >
                {t('burden.registers.import')}
              </Button>
            </>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(register, { year, kindId, q: q || undefined })}
            data-testid="burden-export"
          >
            {t('burden.registers.export')}
          </Button>
        </>
      }
    >
      <Tabs
        activeKey={register}
        onChange={(k) => {
          setKindId(undefined);
          set({ tab: k as BurdenRegister });
        }}
        items={REGISTERS.map((r) => ({ key: r, label: t(`burden.registers.registers.${r}`) }))}
        data-testid="burden-tabs"
      />
      {register === 'overtime' ? <OvertimeCard /> : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          value={year ?? 0}
          onChange={(y) => set({ year: y || undefined })}
          style={{ width: 130 }}
          options={[
            { value: 0, label: t('burden.registers.allYears') },
            ...years.map((y) => ({ value: y, label: t('burden.registers.yearOption', { year: y }) })),
          ]}
          data-testid="burden-filter-year"
        />
        {kinds && kinds.length ? (
          <Select
            allowClear
            value={kindId}
            onChange={(v) => {
              setKindId(v);
              setPage(1);
            }}
            placeholder={t('burden.registers.allKinds')}
            style={{ width: 160 }}
            options={kinds.map((k) => ({ value: k.id, label: k.name }))}
          />
        ) : null}
        <Input.Search
          allowClear
          placeholder={t('burden.registers.search')}
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Flex>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<BurdenEntry>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
          showTotal: (n) => t('burden.registers.total', { count: n }),
        }}
        data-testid="burden-register-table"
      />
      {editing ? (
        <EntryDrawer
          key={editing === 'new' ? `new-${register}` : editing.id}
          register={register}
          entry={editing === 'new' ? null : editing}
          open
          policy={policy}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ImportModal register={register} open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
