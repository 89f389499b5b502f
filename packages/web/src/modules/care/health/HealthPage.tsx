import type { HealthCheckRow } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useMe } from '../../../hooks/api/auth.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import { useDeleteCheck, useHealthChecks, useMarkChecks, useUpdateCheck } from './api.ts';
import { OfficersTab, SupportInboxTab } from './SupportAdmin.tsx';

const DAY = 'YYYY-MM-DD';
const TABS = ['checks', 'support', 'officers'] as const;
type TabKey = (typeof TABS)[number];
const STATES = ['all', 'due', 'done', 'follow_up'] as const;
type StateKey = (typeof STATES)[number];

/** The years a list or coverage may be asked for: this one and the four before. */
export function recentYears(): number[] {
  const y = chinaDay().year();
  return [y, y - 1, y - 2, y - 3, y - 4];
}

/**
 * 体检与心理支持 (R-CARE-1): the people due a check this year under the pack's plans, in the user's scope, with
 * a bulk "mark done" for the rows chosen; the requests for support named to the user (a care officer); and
 * 组织部's list of care officers. No medical result is kept — only done, day and follow-up needed.
 */
export default function HealthPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const raw = search.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TabKey) : 'checks';
  const orgdept = me.data?.roles.includes('orgdept') ?? false;
  return (
    <PageContainer title={t('care.health.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'checks', label: t('care.health.tabChecks'), children: <ChecksTab /> },
          { key: 'support', label: t('care.health.tabSupport'), children: <SupportInboxTab /> },
          ...(orgdept
            ? [{ key: 'officers', label: t('care.health.tabOfficers'), children: <OfficersTab /> }]
            : []),
        ]}
      />
    </PageContainer>
  );
}

function ChecksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => chinaDay().year());
  const [orgId, setOrgId] = useState<string | undefined>();
  const [state, setState] = useState<StateKey>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<string[]>([]);
  const [marking, setMarking] = useState(false);
  const [editing, setEditing] = useState<HealthCheckRow | null>(null);
  const list = useHealthChecks({
    year,
    orgId,
    state: state === 'all' ? undefined : state,
    q: q || undefined,
    page,
    pageSize,
  });
  const remove = useDeleteCheck();
  const planId = list.data?.plans[0]?.id;
  const rowKey = (r: HealthCheckRow) => `${r.cadreId}:${r.planId}`;
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('care.health.noResults')}
        description={list.data?.explanation}
        style={{ marginBottom: 16 }}
        data-testid="health-explanation"
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
            setSelected([]);
          }}
          options={recentYears().map((y) => ({ value: y, label: t('care.health.yearOption', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="health-year"
        />
        <div style={{ width: 260 }}>
          <UnitPicker
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              setPage(1);
              setSelected([]);
            }}
            testId="health-unit"
          />
        </div>
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: t(`care.health.state.${s}`) }))}
          data-testid="health-state"
        />
        <Input.Search
          allowClear
          placeholder={t('care.health.searchName')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 200 }}
          data-testid="health-search"
        />
        <Button
          type="primary"
          disabled={!selected.length || !planId}
          onClick={() => setMarking(true)}
          data-testid="health-mark"
        >
          {t('care.health.markDone', { count: selected.length })}
        </Button>
      </Flex>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<HealthCheckRow>
        rowKey={rowKey}
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: r.doneOn !== null, name: r.cadreName }),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('care.health.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        data-testid="health-table"
        columns={[
          { title: t('care.health.col.name'), dataIndex: 'cadreName', width: 110 },
          { title: t('care.health.col.unit'), dataIndex: 'orgName' },
          { title: t('care.health.col.post'), dataIndex: 'postTitle' },
          { title: t('care.health.col.plan'), dataIndex: 'planName' },
          {
            title: t('care.health.col.status'),
            key: 'status',
            width: 200,
            render: (_, r) =>
              r.doneOn ? (
                <Flex gap={4} wrap>
                  <Tag color="green">{t('care.health.doneOn', { day: r.doneOn })}</Tag>
                  {r.followUp ? (
                    <Tag color="orange" title={r.followUpNote}>
                      {t('care.health.followUpTag')}
                    </Tag>
                  ) : null}
                </Flex>
              ) : (
                <Tag>{t('care.health.notDone')}</Tag>
              ),
          },
          {
            title: t('care.health.col.followUpNote'),
            dataIndex: 'followUpNote',
            render: (v: string) => v || '—',
          },
          {
            title: t('care.health.col.actions'),
            key: 'actions',
            width: 140,
            render: (_, r) =>
              r.checkId ? (
                <Flex gap={4}>
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {t('care.health.edit')}
                  </Button>
                  <Popconfirm
                    title={t('care.health.withdrawConfirm')}
                    onConfirm={() =>
                      remove.mutate(r.checkId ?? '', {
                        onSuccess: () => void message.success(t('care.health.withdrawn')),
                      })
                    }
                  >
                    <Button size="small" type="link" danger>
                      {t('care.health.withdraw')}
                    </Button>
                  </Popconfirm>
                </Flex>
              ) : null,
          },
        ]}
      />
      <MarkModal
        open={marking}
        planId={planId ?? ''}
        year={year}
        cadreIds={selected.map((k) => k.split(':')[0] ?? '')}
        onClose={(done) => {
          setMarking(false);
          if (done) setSelected([]);
        }}
      />
      <EditModal row={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** The chosen year's days up to today (China's day): a check is recorded after it happened. */
function dayLimit(year: number) {
  const today = chinaDay();
  return (d: Dayjs) => d.isAfter(today, 'day') || d.year() !== year;
}

function MarkModal({
  open,
  planId,
  year,
  cadreIds,
  onClose,
}: {
  open: boolean;
  planId: string;
  year: number;
  cadreIds: string[];
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ doneOn: Dayjs }>();
  const mark = useMarkChecks();
  const today = chinaDay();
  const initial = today.year() === year ? today : dayjs(`${year}-12-31`);
  return (
    <Modal
      open={open}
      title={t('care.health.markTitle', { count: cadreIds.length })}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('care.health.markOk')}
      confirmLoading={mark.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'health-mark-ok' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ doneOn: initial }}
        onFinish={(v) =>
          mark.mutate(
            { planId, doneOn: v.doneOn.format(DAY), cadreIds },
            {
              onSuccess: (r) => {
                void message.success(t('care.health.marked', { recorded: r.recorded, already: r.already }));
                onClose(true);
              },
            },
          )
        }
      >
        <Form.Item
          name="doneOn"
          label={t('care.health.doneOnLabel')}
          rules={[{ required: true, message: t('care.health.doneOnRequired') }]}
        >
          <DatePicker disabledDate={dayLimit(year)} style={{ width: '100%' }} data-testid="health-mark-day" />
        </Form.Item>
        <Typography.Text type="secondary">{t('care.health.markHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}

function EditModal({ row, onClose }: { row: HealthCheckRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ doneOn: Dayjs; followUp: boolean; followUpNote: string }>();
  const update = useUpdateCheck();
  const followUp = Form.useWatch('followUp', form);
  return (
    <Modal
      open={row !== null}
      title={row ? t('care.health.editTitle', { name: row.cadreName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {row ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            doneOn: dayjs(row.doneOn ?? undefined),
            followUp: row.followUp,
            followUpNote: row.followUpNote,
          }}
          onFinish={(v) =>
            update.mutate(
              {
                checkId: row.checkId ?? '',
                input: {
                  doneOn: v.doneOn.format(DAY),
                  followUp: v.followUp,
                  followUpNote: v.followUp ? (v.followUpNote ?? '') : '',
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('care.health.saved'));
                  onClose();
                },
              },
            )
          }
        >
          <Form.Item name="doneOn" label={t('care.health.doneOnLabel')} rules={[{ required: true }]}>
            <DatePicker disabledDate={dayLimit(row.year)} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="followUp" label={t('care.health.followUpLabel')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {followUp ? (
            <Form.Item
              name="followUpNote"
              label={t('care.health.followUpNoteLabel')}
              extra={t('care.health.followUpNoteHint')}
            >
              <Input maxLength={200} placeholder={t('care.health.followUpNotePlaceholder')} />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}
