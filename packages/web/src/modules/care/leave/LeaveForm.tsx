import type { LeavePolicyView } from '@ganbu/core';
import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useRecordLeave } from './api.ts';

const DAY = 'YYYY-MM-DD';

interface Values {
  cadreId?: string;
  kind: 'annual' | 'recuperation' | 'other';
  period?: [Dayjs, Dayjs];
  note: string;
}

/** 登记休假: a cadre (fixed when opened from her row), the kind, the dates and a note. */
export function LeaveRecordDrawer({
  open,
  cadreId,
  policy,
  onClose,
}: {
  open: boolean;
  cadreId: string | null;
  policy: LeavePolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordLeave();
  const kind = Form.useWatch('kind', form);
  const rec = policy?.recuperation ?? null;
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('care.leave.record')}
      width={480}
      saving={record.isPending}
      onSave={() => form.submit()}
      saveTestId="leave-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ cadreId: cadreId ?? undefined, kind: 'annual', note: '' }}
        onFinish={(v) =>
          v.period &&
          record.mutate(
            {
              cadreId: v.cadreId ?? '',
              kind: v.kind,
              startOn: v.period[0].format(DAY),
              endOn: v.period[1].format(DAY),
              note: v.note ?? '',
            },
            {
              onSuccess: () => {
                void message.success(t('care.leave.recorded'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="cadreId"
          label={t('care.leave.cadre')}
          rules={[{ required: true, message: t('care.leave.cadreRequired') }]}
        >
          <CadrePicker testId="leave-form-cadre" />
        </Form.Item>
        <Form.Item name="kind" label={t('care.leave.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="leave-form-kind"
            options={(['annual', 'recuperation', 'other'] as const).map((k) => ({
              value: k,
              label: t(`care.leave.kinds.${k}`),
              disabled: k === 'recuperation' && !rec,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('care.leave.period')}
          rules={[{ required: true, message: t('care.leave.periodRequired') }]}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            defaultPickerValue={[chinaDay(), chinaDay()]}
            data-testid="leave-form-period"
          />
        </Form.Item>
        <Form.Item name="note" label={t('care.leave.note')}>
          <Input maxLength={200} data-testid="leave-form-note" />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title={
          kind === 'recuperation' && rec
            ? t('care.leave.recuperationHint', { min: rec.minDays, max: rec.maxDays })
            : t('care.leave.annualDaysHint')
        }
      />
    </FormDrawer>
  );
}
