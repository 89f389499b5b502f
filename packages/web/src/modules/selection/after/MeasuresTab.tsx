import { PlusOutlined } from '@ant-design/icons';
import { can, unfitMeasureDue, type AfterPolicyView, type UnfitMeasureRecord } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCloseMeasure, useCreateMeasure, useUnfitMeasures } from './api.ts';
import { DAY, DueFilterBar, DueTag } from './common.tsx';

const STATES = ['open', 'overdue', 'due_soon', 'done', 'all'] as const;
type StateFilter = (typeof STATES)[number];
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 不胜任干部: the pack's measures (召回管理, 回炉锻造, 二次择岗) with their terms and results. */
export function MeasuresTab({ policy }: { policy: AfterPolicyView | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'selection.manage');
  const [state, setState] = useState<StateFilter>('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<UnfitMeasureRecord | null>(null);
  const measures = useUnfitMeasures({
    state: state === 'all' ? undefined : state,
    q: q || undefined,
    page,
    pageSize,
  });

  const columns: TableColumnsType<UnfitMeasureRecord> = [
    { title: t('selection.after.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('selection.after.unit'), dataIndex: 'unitName', ellipsis: true },
    { title: t('selection.after.measures.measure'), dataIndex: 'measureName', width: 100 },
    {
      title: t('selection.after.measures.reason'),
      key: 'reason',
      ellipsis: true,
      render: (_: unknown, m) => (
        <Space size={4} orientation="vertical">
          {m.reason}
          {m.postReviewId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('selection.after.measures.fromReview')}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('selection.after.measures.startOn'), dataIndex: 'startOn', width: 110 },
    {
      title: t('selection.after.measures.dueOn'),
      key: 'due',
      width: 190,
      render: (_: unknown, m) => (
        <Space size={4} title={m.explanation}>
          {m.dueOn}
          <DueTag state={m.dueState} />
        </Space>
      ),
    },
    {
      title: t('selection.after.measures.result'),
      key: 'result',
      ellipsis: true,
      render: (_: unknown, m) => (m.status === 'closed' ? `${m.closedOn} ${m.result}` : t('common.empty')),
    },
    ...(canManage
      ? [
          {
            title: t('selection.after.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 100,
            render: (_: unknown, m: UnfitMeasureRecord) =>
              m.status === 'open' ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setClosing(m)}
                  data-testid={`measure-close-${m.id}`}
                >
                  {t('selection.after.measures.close')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <DueFilterBar
        filters={STATES}
        state={state}
        onState={(v) => {
          setState(v);
          setPage(1);
        }}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        action={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              disabled={!policy?.unfitMeasures.length}
              data-testid="measure-create"
            >
              {t('selection.after.measures.create')}
            </Button>
          ) : null
        }
      />
      {measures.isError ? (
        <QueryError error={measures.error} onRetry={() => void measures.refetch()} />
      ) : null}
      <Card size="small">
        <Table<UnfitMeasureRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={measures.data?.items}
          loading={measures.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="measure-table"
          pagination={{
            current: page,
            pageSize,
            total: measures.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage ? (
        <>
          <MeasureCreateDrawer open={creating} policy={policy} onClose={() => setCreating(false)} />
          <MeasureCloseModal measure={closing} onClose={() => setClosing(null)} />
        </>
      ) : null}
    </>
  );
}

interface CreateValues {
  cadreId?: string;
  measureId?: string;
  reason: string;
  startOn: Dayjs;
}

function MeasureCreateDrawer({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: AfterPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateMeasure();
  const measureId = Form.useWatch('measureId', form);
  const startOn = Form.useWatch('startOn', form);
  const measure = policy?.unfitMeasures.find((m) => m.id === measureId);
  const preview =
    measure && startOn && policy ? unfitMeasureDue(startOn.format(DAY), measure, policy.packName) : null;
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('selection.after.measures.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="measure-form-submit"
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ startOn: dayjs() }}
        onFinish={(v) =>
          create.mutate(
            {
              cadreId: v.cadreId ?? '',
              measureId: v.measureId ?? '',
              reason: v.reason,
              startOn: v.startOn.format(DAY),
            },
            {
              onSuccess: () => {
                void message.success(t('selection.after.measures.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="cadreId"
          label={t('selection.after.cadre')}
          rules={[{ required: true, message: t('selection.after.reviews.cadreRequired') }]}
        >
          <CadrePicker testId="measure-form-cadre" />
        </Form.Item>
        <Form.Item
          name="measureId"
          label={t('selection.after.measures.measure')}
          rules={[{ required: true, message: t('selection.after.measures.measureRequired') }]}
        >
          <Select
            data-testid="measure-form-measure"
            options={(policy?.unfitMeasures ?? []).map((m) => ({
              value: m.id,
              label: `${m.name}（${t('selection.after.measures.term', { months: m.termMonths })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('selection.after.measures.reason')}
          rules={[
            { required: true, whitespace: true, message: t('selection.after.measures.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="measure-form-reason" />
        </Form.Item>
        <Form.Item name="startOn" label={t('selection.after.measures.startOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </Form>
      {preview ? (
        <Alert type="info" showIcon title={preview.explanation} data-testid="measure-form-preview" />
      ) : null}
    </FormDrawer>
  );
}

function MeasureCloseModal({
  measure,
  onClose,
}: {
  measure: UnfitMeasureRecord | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: string; closedOn: Dayjs }>();
  const close = useCloseMeasure();
  return (
    <Modal
      open={measure !== null}
      title={
        measure
          ? t('selection.after.measures.closeTitle', {
              measure: measure.measureName,
              name: measure.cadreName,
            })
          : ''
      }
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'measure-close-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ closedOn: dayjs() }}
        onFinish={(v) =>
          measure &&
          close.mutate(
            { measureId: measure.id, input: { result: v.result, closedOn: v.closedOn.format(DAY) } },
            {
              onSuccess: () => {
                void message.success(t('selection.after.measures.closed'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="result"
          label={t('selection.after.measures.result')}
          rules={[
            { required: true, whitespace: true, message: t('selection.after.measures.resultRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="measure-close-result" />
        </Form.Item>
        <Form.Item
          name="closedOn"
          label={t('selection.after.measures.closedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (measure ? d.isBefore(dayjs(measure.startOn), 'day') : false)
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
