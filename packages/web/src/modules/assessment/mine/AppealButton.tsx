import { GradeAppealInputSchema, type GradeAppeal } from '@ganbu/core';
import { App, Button, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { zodRule } from '../../../lib/zod-rule.ts';
import { assessmentErrorText } from '../assessment-error.ts';
import { useAppealGrade } from './appeals.ts';

/**
 * 考核等次申诉 on one of the cadre's own results: the appeal's state when there is one (with its case), and
 * the button that opens the reason form while none is being handled.
 */
export function AppealButton({
  roundId,
  targetId,
  appeals,
}: {
  roundId: string;
  targetId: string;
  /** this result's appeals, newest first */
  appeals: GradeAppeal[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const appeal = useAppealGrade();
  const latest = appeals[0];
  const handling = latest?.status === 'open';

  const submit = async () => {
    const { reason } = await form.validateFields();
    appeal.mutate(
      { roundId, targetId, reason },
      {
        onSuccess: () => {
          void message.success(t('assessment.appeal.sent'));
          setOpen(false);
          form.resetFields();
        },
      },
    );
  };

  return (
    <Flex vertical gap={8}>
      {latest ? (
        <Flex gap={8} align="center" wrap data-testid={`mine-appeal-${targetId}`}>
          <Tag color={handling ? 'orange' : 'default'}>
            {handling
              ? t('assessment.appeal.handling', { step: latest.stepName ?? '' })
              : t(`assessment.appeal.status.${latest.status}`)}
          </Tag>
          <Link to={`/inbox/cases/${latest.caseId}`}>{t('assessment.appeal.view')}</Link>
        </Flex>
      ) : null}
      {handling ? null : (
        <Button onClick={() => setOpen(true)} data-testid={`mine-appeal-open-${targetId}`}>
          {t('assessment.appeal.button')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('assessment.appeal.title')}
        okText={t('assessment.appeal.submit')}
        onOk={() => void submit()}
        confirmLoading={appeal.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('assessment.appeal.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('assessment.appeal.reason')}
            rules={[zodRule(GradeAppealInputSchema.shape.reason)]}
          >
            <Input.TextArea rows={5} maxLength={1000} showCount data-testid="mine-appeal-reason" />
          </Form.Item>
        </Form>
        {appeal.error ? (
          <Typography.Text type="danger" data-testid="mine-appeal-error">
            {assessmentErrorText(t, appeal.error)}
          </Typography.Text>
        ) : null}
      </Modal>
    </Flex>
  );
}
