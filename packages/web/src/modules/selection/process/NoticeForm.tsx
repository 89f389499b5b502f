import type { SelectionProcessDetail } from '@ganbu/core';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOpenNotice } from './api.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { selectionErrorText } from './labels.tsx';

type Step = SelectionProcessDetail['steps'][number];

interface Values {
  start: Dayjs;
  workingDays: number;
  contact?: string;
}

/**
 * 发布公示: the first day; the server counts the pack's working days on the district's working-day calendar
 * and answers the last day with how it got there (shown in the notices below).
 */
export function NoticeForm({
  detail,
  step,
  noticeDays,
}: {
  detail: SelectionProcessDetail;
  step: Step;
  noticeDays: number | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const open = useOpenNotice(detail.id);
  const error = open.isError ? selectionErrorText(open.error) : null;
  const existing = detail.notices.filter((n) => n.stepId === step.id);
  if (existing.length > 0)
    return <Typography.Text type="secondary">{t('selection.process.notice.opened')}</Typography.Text>;

  const submit = (v: Values) =>
    open.mutate(
      {
        stepId: step.id,
        start: v.start.format('YYYY-MM-DD'),
        workingDays: v.workingDays,
        contact: v.contact?.trim() ?? '',
      },
      {
        onSuccess: (n) =>
          void message.success(t('selection.process.notice.created', { start: n.start, end: n.end })),
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={() => open.reset()}
      initialValues={{ start: chinaDay(), workingDays: noticeDays ?? undefined }}
      style={{ maxWidth: 560 }}
      data-testid="notice-form"
    >
      <Typography.Paragraph type="secondary">
        {noticeDays
          ? t('selection.process.notice.hint', { days: noticeDays })
          : t('selection.process.notice.hintNoDays')}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
          style={{ marginBottom: 12 }}
          data-testid="notice-error"
        />
      ) : null}
      <Form.Item
        name="start"
        label={t('selection.process.notice.start')}
        rules={[{ required: true, message: t('selection.process.notice.startRequired') }]}
      >
        <DatePicker data-testid="notice-start" />
      </Form.Item>
      <Form.Item
        name="workingDays"
        label={t('selection.process.notice.workingDays')}
        extra={noticeDays ? t('selection.process.notice.workingDaysHint', { days: noticeDays }) : undefined}
      >
        <InputNumber min={1} max={60} precision={0} data-testid="notice-days" />
      </Form.Item>
      <Form.Item name="contact" label={t('selection.process.notice.contact')}>
        <Input
          maxLength={300}
          placeholder={t('selection.process.notice.contactPlaceholder')}
          data-testid="notice-contact"
        />
      </Form.Item>
      {/* not a submit button: Enter in the date field confirms the date, it does not publish */}
      <Button
        type="primary"
        loading={open.isPending}
        onClick={() => form.submit()}
        data-testid="notice-submit"
      >
        {t('selection.process.notice.submit')}
      </Button>
    </Form>
  );
}
