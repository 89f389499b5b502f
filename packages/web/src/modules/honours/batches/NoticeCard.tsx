import type { HonourBatchDetail, HonourNomination, HonourObjection } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDay } from '../../../lib/china-day.ts';
import {
  useDecideBatch,
  useNoticePeriod,
  useRecordObjection,
  useResolveObjection,
  useStartNotice,
} from '../api.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

const DAY = 'YYYY-MM-DD';

const OBJECTION_COLOR: Record<HonourObjection['state'], string> = {
  open: 'orange',
  upheld: 'red',
  dismissed: 'green',
};

/** 开始公示: the start day and, before confirming, the end the working-day calendar gives. */
function StartNoticeModal({
  batch,
  open,
  onClose,
}: {
  batch: HonourBatchDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ startOn: Dayjs }>();
  const startOn = Form.useWatch('startOn', form);
  const from = startOn ? startOn.format(DAY) : undefined;
  const period = useNoticePeriod(open ? from : undefined, batch.noticeWorkingDays);
  const start = useStartNotice();
  const skipped = (period.data?.skipped ?? []).map((d) => (d.name ? `${d.date} ${d.name}` : d.date));

  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('honours.batches.actions.startNotice')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: start.isPending }}
      destroyOnHidden
    >
      {start.isError ? (
        <RefusalAlert
          error={start.error}
          title={t('honours.batches.notice.refused')}
          testId="notice-refused"
        />
      ) : null}
      <Form<{ startOn: Dayjs }>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ startOn: chinaDay() }}
        onValuesChange={() => start.reset()}
        onFinish={(v) =>
          start.mutate(
            { batchId: batch.id, startOn: v.startOn.format(DAY) },
            {
              onSuccess: (b) => {
                void message.success(t('honours.batches.notice.started', { end: b.noticeEnd ?? '' }));
                close();
              },
            },
          )
        }
      >
        <Form.Item
          name="startOn"
          label={t('honours.batches.notice.startOn')}
          rules={[{ required: true, message: t('honours.batches.notice.startRequired') }]}
        >
          <DatePicker data-testid="notice-form-start" />
        </Form.Item>
      </Form>
      {period.data ? (
        <Alert
          type="info"
          showIcon
          title={
            <span data-testid="notice-form-preview">
              {t('honours.batches.notice.preview', {
                days: batch.noticeWorkingDays,
                start: period.data.from,
                end: period.data.date,
              })}
            </span>
          }
          description={
            skipped.length > 0
              ? t('honours.batches.notice.skipped', { days: skipped.join(t('common.listSep')) })
              : undefined
          }
        />
      ) : null}
    </Modal>
  );
}

interface ObjectionValues {
  nominationId?: string;
  receivedOn: Dayjs;
  content: string;
}

/** 登记异议: about one nominee, with the day it was received and what it says. */
function ObjectionModal({
  batch,
  open,
  onClose,
}: {
  batch: HonourBatchDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObjectionValues>();
  const record = useRecordObjection();
  const nominees = batch.nominations.filter((n) => n.state === 'nominated');
  return (
    <Modal
      open={open}
      title={t('honours.batches.objections.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending }}
      destroyOnHidden
    >
      <Form<ObjectionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ receivedOn: chinaDay() }}
        onFinish={(v) =>
          record.mutate(
            {
              batchId: batch.id,
              input: {
                nominationId: v.nominationId ?? '',
                receivedOn: v.receivedOn.format(DAY),
                content: v.content.trim(),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('honours.batches.objections.recorded'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="nominationId"
          label={t('honours.batches.objections.nominee')}
          rules={[{ required: true, message: t('honours.batches.objections.nomineeRequired') }]}
        >
          <Select
            data-testid="objection-form-nominee"
            options={nominees.map((n) => ({ value: n.id, label: `${n.cadreName}（${n.unitName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('honours.batches.objections.receivedOn')}
          rules={[{ required: true, message: t('honours.batches.objections.receivedRequired') }]}
        >
          <DatePicker
            disabledDate={(d) => d.isAfter(chinaDay(), 'day')}
            data-testid="objection-form-received"
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('honours.batches.objections.text')}
          rules={[
            { required: true, whitespace: true, message: t('honours.batches.objections.textRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-form-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ResolveValues {
  outcome?: 'upheld' | 'dismissed';
  resolution: string;
  resolvedOn: Dayjs;
}

/** 办结异议: 属实 (the nomination is removed) or 不属实, what was done, and when. */
function ResolveModal({
  batchId,
  objection,
  onClose,
}: {
  batchId: string;
  objection: HonourObjection | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useResolveObjection();
  return (
    <Modal
      open={objection !== null}
      title={t('honours.batches.objections.resolve')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: resolve.isPending }}
      destroyOnHidden
    >
      <Form<ResolveValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ resolvedOn: chinaDay(), resolution: '' }}
        onFinish={(v) =>
          objection &&
          resolve.mutate(
            {
              batchId,
              objectionId: objection.id,
              input: {
                outcome: v.outcome ?? 'dismissed',
                resolution: v.resolution.trim(),
                resolvedOn: v.resolvedOn.format(DAY),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('honours.batches.objections.resolved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="outcome"
          label={t('honours.batches.objections.outcome')}
          rules={[{ required: true, message: t('honours.batches.objections.outcomeRequired') }]}
        >
          <Radio.Group data-testid="resolve-form-outcome">
            <Radio value="dismissed" data-testid="resolve-form-dismissed">
              {t('honours.batches.objections.states.dismissed')}
            </Radio>
            <Radio value="upheld" data-testid="resolve-form-upheld">
              {t('honours.batches.objections.states.upheld')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="resolution"
          label={t('honours.batches.objections.resolution')}
          rules={[
            { required: true, whitespace: true, message: t('honours.batches.objections.resolutionRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="resolve-form-resolution" />
        </Form.Item>
        <Form.Item
          name="resolvedOn"
          label={t('honours.batches.objections.resolvedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecideValues {
  decidedOn: Dayjs;
  documentNumber: string;
}

/** 作出表彰决定: the day and the 文号; refused in place while the 公示 runs or an objection is open. */
function DecideModal({
  batch,
  open,
  onClose,
}: {
  batch: HonourBatchDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const decide = useDecideBatch();
  const close = () => {
    decide.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('honours.batches.decide.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: decide.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('honours.batches.decide.hint')}</Typography.Paragraph>
      {decide.isError ? (
        <RefusalAlert
          error={decide.error}
          title={t('honours.batches.decide.refused')}
          testId="decide-refused"
        />
      ) : null}
      <Form<DecideValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decidedOn: chinaDay(), documentNumber: '' }}
        onValuesChange={() => decide.reset()}
        onFinish={(v) =>
          decide.mutate(
            {
              batchId: batch.id,
              input: { decidedOn: v.decidedOn.format(DAY), documentNumber: v.documentNumber.trim() },
            },
            {
              onSuccess: () => {
                void message.success(t('honours.batches.decide.done'));
                close();
              },
            },
          )
        }
      >
        <Form.Item
          name="decidedOn"
          label={t('honours.batches.decide.decidedOn')}
          rules={[{ required: true, message: t('honours.batches.decide.decidedRequired') }]}
        >
          <DatePicker data-testid="decide-form-date" />
        </Form.Item>
        <Form.Item
          name="documentNumber"
          label={t('honours.batches.decide.documentNo')}
          rules={[
            { required: true, whitespace: true, message: t('honours.batches.decide.documentRequired') },
          ]}
        >
          <Input
            maxLength={60}
            placeholder={t('honours.batches.decide.documentPlaceholder')}
            data-testid="decide-form-number"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ObjectionRow = HonourObjection & { nominee: HonourNomination };

/**
 * 公示: before it, when it would end; during it, the period (with the server's explanation of the end day),
 * the objections received and their handling; after it, the decision (date, 文号).
 */
export function NoticeCard({ batch, canDecide }: { batch: HonourBatchDetail; canDecide: boolean }) {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  const [objecting, setObjecting] = useState(false);
  const [resolving, setResolving] = useState<HonourObjection | null>(null);
  const [deciding, setDeciding] = useState(false);
  const rows: ObjectionRow[] = batch.nominations.flatMap((n) =>
    n.objections.map((o) => ({ ...o, nominee: n })),
  );
  const inNotice = batch.state === 'notice';

  const columns: TableColumnsType<ObjectionRow> = [
    {
      title: t('honours.batches.objections.nominee'),
      key: 'nominee',
      width: 100,
      render: (_: unknown, o) => o.nominee.cadreName,
    },
    { title: t('honours.batches.objections.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('honours.batches.objections.text'), dataIndex: 'content', width: 300 },
    {
      title: t('honours.batches.objections.outcome'),
      key: 'state',
      width: 260,
      render: (_: unknown, o) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={OBJECTION_COLOR[o.state]} data-testid={`objection-state-${o.state}`}>
              {t(`honours.batches.objections.states.${o.state}`)}
            </Tag>
          </span>
          {o.resolvedOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('honours.batches.objections.resolvedText', { date: o.resolvedOn, resolution: o.resolution })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];
  if (canDecide && inNotice)
    columns.push({
      title: '',
      key: 'actions',
      width: 70,
      render: (_: unknown, o) =>
        o.state === 'open' ? (
          <Button
            type="link"
            size="small"
            onClick={() => setResolving(o)}
            data-testid={`objection-resolve-${o.id}`}
          >
            {t('honours.batches.objections.resolve')}
          </Button>
        ) : null,
    });

  const summary = (() => {
    if (batch.state === 'decided' && batch.decidedOn)
      return (
        <Alert
          type="success"
          showIcon
          title={t('honours.batches.decide.decided', {
            date: batch.decidedOn,
            no: batch.documentNumber ?? '',
          })}
          data-testid="batch-decided"
        />
      );
    if (batch.noticeStart && batch.noticeEnd) {
      const ended = chinaDay().format(DAY) > batch.noticeEnd;
      return (
        <Alert
          type={ended ? 'success' : 'info'}
          showIcon
          title={
            <span data-testid="notice-period">
              {ended
                ? t('honours.batches.notice.ended', { end: batch.noticeEnd })
                : t('honours.batches.notice.running', {
                    start: batch.noticeStart,
                    end: batch.noticeEnd,
                    days: batch.noticeWorkingDays,
                  })}
            </span>
          }
          description={batch.noticeExplanation ?? undefined}
        />
      );
    }
    return (
      <Typography.Text type="secondary">
        {t('honours.batches.notice.notStarted', { days: batch.noticeWorkingDays })}
      </Typography.Text>
    );
  })();

  return (
    <Card
      size="small"
      title={t('honours.batches.notice.title')}
      style={{ marginBottom: 16 }}
      extra={
        canDecide ? (
          <Flex gap={8}>
            {batch.state === 'nominating' ? (
              <Button
                type="primary"
                size="small"
                onClick={() => setStarting(true)}
                data-testid="notice-start"
              >
                {t('honours.batches.actions.startNotice')}
              </Button>
            ) : null}
            {inNotice ? (
              <>
                <Button size="small" onClick={() => setObjecting(true)} data-testid="objection-add">
                  {t('honours.batches.objections.add')}
                </Button>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setDeciding(true)}
                  data-testid="batch-decide"
                >
                  {t('honours.batches.actions.decide')}
                </Button>
              </>
            ) : null}
          </Flex>
        ) : null
      }
      data-testid="notice-card"
    >
      {summary}
      {batch.noticeStart ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('honours.batches.objections.title', { count: rows.length })}
          </Typography.Title>
          <Table<ObjectionRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('honours.batches.objections.empty') }}
            data-testid="objection-table"
          />
        </>
      ) : null}
      {canDecide ? (
        <>
          <StartNoticeModal batch={batch} open={starting} onClose={() => setStarting(false)} />
          <ObjectionModal batch={batch} open={objecting} onClose={() => setObjecting(false)} />
          <ResolveModal batchId={batch.id} objection={resolving} onClose={() => setResolving(null)} />
          <DecideModal batch={batch} open={deciding} onClose={() => setDeciding(false)} />
        </>
      ) : null}
    </Card>
  );
}
