import type { SelectionActBody, SelectionProcessDetail } from '@ganbu/core';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcessAct } from './api.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { selectionErrorText } from './labels.tsx';

type Action = SelectionActBody['action'];
type Allowed = SelectionProcessDetail['actions'][number];

const KNOWN: readonly Action[] = ['approve', 'return', 'reject', 'withdraw', 'comment'];
const DANGER = new Set<string>(['return', 'reject', 'withdraw']);
const isKnown = (a: string): a is Action => (KNOWN as readonly string[]).includes(a);

/**
 * 办理: the current step, what keeps it from moving on (a notice running, an objection open, results
 * missing — each in the server's words), and the caller's actions: 推进到下一环节 (disabled while anything
 * blocks it, the blockers being the reason), 退回, 不予通过, 撤回. Each asks for a comment (required where the
 * pack says so); advancing from the appointment step asks 任职日期, written into the registry.
 */
export function ActionBar({ detail }: { detail: SelectionProcessDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; appointedOn?: Dayjs }>();
  const [open, setOpen] = useState<Allowed | null>(null);
  const act = useProcessAct(detail.id);
  const step = detail.steps.find((s) => s.status === 'current');
  if (detail.state !== 'open' || !step) return null;
  const blockers = step.blockers;
  const appointing = step.type === 'appointment';
  const actions = detail.actions.filter((a) => isKnown(a.action));
  const label = (a: string) =>
    a === 'approve' && appointing
      ? t('selection.process.act.appoint')
      : t(`selection.process.act.${isKnown(a) ? a : 'comment'}`);
  const error = act.isError ? selectionErrorText(act.error) : null;

  const close = () => {
    act.reset();
    form.resetFields();
    setOpen(null);
  };
  const submit = async () => {
    if (!open || !isKnown(open.action)) return;
    const v = await form.validateFields();
    const action = open.action;
    act.mutate(
      {
        action,
        comment: v.comment?.trim() ?? '',
        appointedOn: action === 'approve' && appointing ? v.appointedOn?.format('YYYY-MM-DD') : undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('selection.process.act.done', { action: label(action) }));
          close();
        },
      },
    );
  };

  const approveBlocked = blockers.length > 0;
  return (
    <Card
      size="small"
      title={t('selection.process.act.title', { step: step.name })}
      data-testid="process-actions"
    >
      <Flex vertical gap={12}>
        {blockers.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('selection.process.act.blocked')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {blockers.map((b) => (
                  <li key={b.code + b.message} data-testid={`blocker-${b.code}`}>
                    {b.message}
                  </li>
                ))}
              </ul>
            }
            data-testid="process-blockers"
          />
        ) : null}
        {actions.length ? (
          <Flex gap={8} wrap>
            {actions.map((a) => {
              const disabled = a.action === 'approve' && approveBlocked;
              const button = (
                <Button
                  key={a.action}
                  type={a.action === 'approve' ? 'primary' : 'default'}
                  danger={DANGER.has(a.action)}
                  disabled={disabled}
                  onClick={() => setOpen(a)}
                  data-testid={`process-act-${a.action}`}
                >
                  {label(a.action)}
                </Button>
              );
              return disabled ? (
                <Tooltip key={a.action} title={blockers.map((b) => b.message).join('；')}>
                  <span>{button}</span>
                </Tooltip>
              ) : (
                button
              );
            })}
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid="process-no-actions">
            {t('selection.process.act.none')}
          </Typography.Text>
        )}
      </Flex>
      <Modal
        open={open !== null}
        title={
          open
            ? t('selection.process.act.modalTitle', { action: label(open.action), title: detail.title })
            : null
        }
        onCancel={close}
        onOk={() => void submit()}
        okText={open ? label(open.action) : undefined}
        okButtonProps={{
          danger: open ? DANGER.has(open.action) : false,
          loading: act.isPending,
          'data-testid': 'process-act-ok',
        }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error.title}
              description={error.details.join('；') || undefined}
              data-testid="process-act-error"
            />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ appointedOn: chinaDay() }}
            onValuesChange={() => act.reset()}
          >
            {open?.action === 'approve' && appointing ? (
              <Form.Item
                name="appointedOn"
                label={t('selection.process.act.appointedOn')}
                extra={t('selection.process.act.appointedOnHint')}
                rules={[{ required: true, message: t('selection.process.act.appointedOnRequired') }]}
              >
                <DatePicker data-testid="process-act-appointed-on" />
              </Form.Item>
            ) : null}
            <Form.Item
              name="comment"
              label={open?.commentRequired ? t('cases.comment') : t('cases.commentOptional')}
              rules={
                open?.commentRequired
                  ? [{ required: true, whitespace: true, message: t('cases.commentRequired') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="process-act-comment" />
            </Form.Item>
          </Form>
        </Flex>
      </Modal>
    </Card>
  );
}
