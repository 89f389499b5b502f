import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  OBJECTION_FINDINGS,
  type SelectionNotice,
  type SelectionObjection,
  type SelectionProcessDetail,
} from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { downloadNotice, useAddObjection, useCloseObjection, type ObjectionClose } from './api.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { selectionErrorText } from './labels.tsx';

interface AddValues {
  candidateId?: string;
  receivedOn: Dayjs;
  channel?: string;
  summary: string;
}

/** 登记反映问题: what was reported during the notice, about whom, when and how. */
function AddObjectionModal({
  detail,
  notice,
  onClose,
}: {
  detail: SelectionProcessDetail;
  notice: SelectionNotice | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddObjection(detail.id);
  const error = add.isError ? selectionErrorText(add.error) : null;
  const close = () => {
    add.reset();
    form.resetFields();
    onClose();
  };
  const ok = async () => {
    if (!notice) return;
    const v = await form.validateFields();
    add.mutate(
      {
        noticeId: notice.id,
        input: {
          candidateId: v.candidateId ?? null,
          receivedOn: v.receivedOn.format('YYYY-MM-DD'),
          channel: v.channel?.trim() ?? '',
          summary: v.summary.trim(),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('selection.process.objection.added'));
          close();
        },
      },
    );
  };
  const named = detail.candidates.filter((c) => c.status !== 'out');
  return (
    <Modal
      open={notice !== null}
      title={t('selection.process.objection.addTitle')}
      onCancel={close}
      onOk={() => void ok()}
      okText={t('selection.process.objection.add')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'objection-add-ok' }}
      destroyOnHidden
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<AddValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          receivedOn: chinaDay(),
          candidateId: named.length === 1 ? named[0]?.id : undefined,
        }}
      >
        <Form.Item name="candidateId" label={t('selection.process.objection.candidate')}>
          <Select
            allowClear
            placeholder={t('selection.process.objection.candidateNone')}
            options={named.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="objection-candidate"
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('selection.process.objection.receivedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker data-testid="objection-received" />
        </Form.Item>
        <Form.Item name="channel" label={t('selection.process.objection.channel')}>
          <Input
            maxLength={20}
            placeholder={t('selection.process.objection.channelPlaceholder')}
            data-testid="objection-channel"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('selection.process.objection.summary')}
          rules={[
            { required: true, whitespace: true, message: t('selection.process.objection.summaryRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="objection-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CloseValues {
  finding: ObjectionClose['finding'];
  handling: string;
  closedOn: Dayjs;
}

/** 办结: what the check found (不属实, 部分属实, 属实) and how it was handled. */
function CloseObjectionModal({
  detail,
  objection,
  onClose,
}: {
  detail: SelectionProcessDetail;
  objection: SelectionObjection | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseObjection(detail.id);
  const error = close.isError ? selectionErrorText(close.error) : null;
  const done = () => {
    close.reset();
    form.resetFields();
    onClose();
  };
  const ok = async () => {
    if (!objection) return;
    const v = await form.validateFields();
    close.mutate(
      {
        objectionId: objection.id,
        input: { finding: v.finding, handling: v.handling.trim(), closedOn: v.closedOn.format('YYYY-MM-DD') },
      },
      {
        onSuccess: () => {
          void message.success(t('selection.process.objection.closed'));
          done();
        },
      },
    );
  };
  return (
    <Modal
      open={objection !== null}
      title={t('selection.process.objection.closeTitle')}
      onCancel={done}
      onOk={() => void ok()}
      okText={t('selection.process.objection.close')}
      okButtonProps={{ loading: close.isPending, 'data-testid': 'objection-close-ok' }}
      destroyOnHidden
    >
      {objection ? <Typography.Paragraph type="secondary">{objection.summary}</Typography.Paragraph> : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<CloseValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ closedOn: chinaDay() }}
      >
        <Form.Item
          name="finding"
          label={t('selection.process.objection.finding')}
          rules={[{ required: true, message: t('selection.process.objection.findingRequired') }]}
        >
          <Select
            options={OBJECTION_FINDINGS.map((f) => ({
              value: f,
              label: t(`selection.process.findings.${f}`),
            }))}
            data-testid="objection-finding"
          />
        </Form.Item>
        <Form.Item
          name="handling"
          label={t('selection.process.objection.handling')}
          rules={[
            { required: true, whitespace: true, message: t('selection.process.objection.handlingRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="objection-handling" />
        </Form.Item>
        <Form.Item
          name="closedOn"
          label={t('selection.process.objection.closedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker data-testid="objection-closed-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 公示: each notice with its period (the end the server computed on the working-day calendar, and why),
 * running or over, the Word notice, and the problems reported during it with their handling.
 */
export function NoticesCard({ detail, manage }: { detail: SelectionProcessDetail; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<SelectionNotice | null>(null);
  const [closing, setClosing] = useState<SelectionObjection | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const mobile = useIsMobile();
  if (detail.notices.length === 0) return null;
  const open = detail.state === 'open';

  const download = async (n: SelectionNotice) => {
    setDownloading(n.id);
    try {
      await downloadNotice(
        detail.id,
        n.id,
        t('selection.process.notice.filename', { title: detail.title, step: n.stepName }),
      );
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setDownloading(null);
    }
  };

  const statusCell = (o: SelectionObjection) =>
    o.status === 'open' ? (
      <Flex gap={8} align="center" wrap>
        <Tag color="orange" data-testid="objection-open">
          {t('selection.process.objection.open')}
        </Tag>
        {manage && open ? (
          <Button size="small" onClick={() => setClosing(o)} data-testid={`objection-close-${o.id}`}>
            {t('selection.process.objection.close')}
          </Button>
        ) : null}
      </Flex>
    ) : (
      <Flex vertical gap={2}>
        <span>
          <Tag color="green" data-testid="objection-closed">
            {t('selection.process.objection.closedTag', { date: o.closedOn ?? '' })}
          </Tag>
          {o.finding ? t(`selection.process.findings.${o.finding}`) : null}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.handling}
        </Typography.Text>
      </Flex>
    );

  const columns: TableColumnsType<SelectionObjection> = [
    { title: t('selection.process.objection.receivedOn'), dataIndex: 'receivedOn', width: 100 },
    {
      title: t('selection.process.objection.candidate'),
      key: 'candidate',
      width: 80,
      render: (_: unknown, o) => o.candidateName ?? t('selection.process.objection.candidateNone'),
    },
    { title: t('selection.process.objection.channel'), dataIndex: 'channel', width: 80 },
    { title: t('selection.process.objection.summary'), dataIndex: 'summary', width: 240 },
    {
      title: t('selection.process.objection.status'),
      key: 'status',
      width: 260,
      render: (_: unknown, o) => statusCell(o),
    },
  ];

  return (
    <Card size="small" title={t('selection.process.notice.title')} data-testid="process-notices">
      <Flex vertical gap={16}>
        {detail.notices.map((n) => (
          <Flex key={n.id} vertical gap={8} data-testid={`notice-${n.stepId}`}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text strong>
                {n.stepName}{' '}
                <Tag color={n.running ? 'processing' : 'default'} data-testid="notice-running">
                  {n.running ? t('selection.process.notice.running') : t('selection.process.notice.over')}
                </Tag>
              </Typography.Text>
              <Flex gap={8} wrap>
                {manage && open ? (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setAdding(n)}
                    data-testid="objection-add"
                  >
                    {t('selection.process.objection.add')}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={downloading === n.id}
                  onClick={() => void download(n)}
                  data-testid="notice-download"
                >
                  {t('selection.process.notice.download')}
                </Button>
              </Flex>
            </Flex>
            <Descriptions
              size="small"
              bordered={!mobile}
              layout={mobile ? 'vertical' : 'horizontal'}
              column={{ xs: 1, md: 2 }}
            >
              <Descriptions.Item label={t('selection.process.notice.period')}>
                <span data-testid="notice-period">
                  {t('selection.process.notice.periodText', {
                    start: n.start,
                    end: n.end,
                    days: n.workingDays,
                  })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('selection.process.notice.contact')}>
                {n.contact || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('selection.process.notice.explanation')} span={2}>
                <span data-testid="notice-explanation">{n.explanation}</span>
              </Descriptions.Item>
            </Descriptions>
            {n.objections.length === 0 ? (
              <Typography.Text type="secondary">{t('selection.process.objection.none')}</Typography.Text>
            ) : mobile ? (
              <Flex vertical gap={8} data-testid="objection-table">
                {n.objections.map((o) => (
                  <Flex key={o.id} vertical gap={2}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[
                        o.receivedOn,
                        o.candidateName ?? t('selection.process.objection.candidateNone'),
                        o.channel,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                    <Typography.Text>{o.summary}</Typography.Text>
                    {statusCell(o)}
                  </Flex>
                ))}
              </Flex>
            ) : (
              <Table<SelectionObjection>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={n.objections}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="objection-table"
              />
            )}
          </Flex>
        ))}
      </Flex>
      {manage && open ? (
        <>
          <AddObjectionModal detail={detail} notice={adding} onClose={() => setAdding(null)} />
          <CloseObjectionModal detail={detail} objection={closing} onClose={() => setClosing(null)} />
        </>
      ) : null}
    </Card>
  );
}
