import type { CaseDetail } from '@ganbu/core';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseAction } from '../api.ts';

type Allowed = CaseDetail['allowedActions'][number];

const DANGER = new Set<Allowed['action']>(['reject', 'withdraw', 'return']);

/**
 * The caller's actions at a case's current step as buttons; each asks for a comment (required where the
 * step says so) in a modal, posts the action and refreshes the inbox and the case. Reusable by any module.
 */
export function CaseActions({
  caseId,
  title,
  actions,
  invalidate,
  onDone,
}: {
  caseId: string;
  title: string;
  actions: readonly Allowed[];
  /** the owning module's query keys to refresh as well */
  invalidate?: readonly (readonly unknown[])[];
  onDone?: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Allowed | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const act = useCaseAction(invalidate);

  if (!actions.length)
    return (
      <Typography.Text type="secondary" data-testid="case-no-actions">
        {t('cases.noActions')}
      </Typography.Text>
    );

  const submit = async () => {
    if (!open) return;
    const { comment } = await form.validateFields();
    act.mutate(
      { id: caseId, input: { action: open.action, comment: comment?.trim() || undefined } },
      {
        onSuccess: (detail) => {
          void message.success(t('cases.actionDone', { action: t(`cases.actions.${open.action}`) }));
          setOpen(null);
          form.resetFields();
          onDone?.(detail);
        },
      },
    );
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="case-actions">
        {actions.map((a) => (
          <Button
            key={a.action}
            type={DANGER.has(a.action) || a.action === 'comment' ? 'default' : 'primary'}
            danger={DANGER.has(a.action)}
            onClick={() => setOpen(a)}
            data-testid={`case-action-${a.action}`}
          >
            {t(`cases.actions.${a.action}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? t('cases.actionTitle', { action: t(`cases.actions.${open.action}`), title }) : null}
        onCancel={() => {
          setOpen(null);
          form.resetFields();
        }}
        onOk={() => void submit()}
        okText={open ? t(`cases.actions.${open.action}`) : undefined}
        okButtonProps={{ danger: open ? DANGER.has(open.action) : false, loading: act.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={open?.commentRequired ? t('cases.comment') : t('cases.commentOptional')}
            rules={
              open?.commentRequired
                ? [{ required: true, whitespace: true, message: t('cases.commentRequired') }]
                : []
            }
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t('cases.commentPlaceholder')}
              data-testid="case-comment"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
