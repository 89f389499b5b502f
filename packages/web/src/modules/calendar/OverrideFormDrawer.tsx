import { CalendarOverrideInputSchema } from '@ganbu/core';
import { Alert, App, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCreateOverride } from './api.ts';
import { calendarErrorText } from './problem-text.ts';

interface Values {
  date?: Dayjs;
  kind: 'holiday' | 'workday';
  note: string;
}

/** 新增调整: a day of the district given off, or worked (组织部). */
export function OverrideFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOverride();
  const shape = CalendarOverrideInputSchema.shape;

  const onFinish = (v: Values) =>
    create.mutate(
      { date: v.date?.format('YYYY-MM-DD') ?? '', kind: v.kind, note: v.note },
      {
        onSuccess: () => {
          void message.success(t('calendar.overrideAdded'));
          onClose();
        },
      },
    );

  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('calendar.addOverride')}
      width={420}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="cal-override-submit"
    >
      {create.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={calendarErrorText(create.error, t)}
          data-testid="cal-override-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ kind: 'holiday' }}
        data-testid="cal-override-form"
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('calendar.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="cal-override-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="cal-override-kind"
            options={[
              { value: 'holiday', label: t('calendar.kindHoliday') },
              { value: 'workday', label: t('calendar.kindWorkday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.note')} required rules={[zodRule(shape.note)]}>
          <Input maxLength={100} showCount data-testid="cal-override-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
