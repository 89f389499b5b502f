import { defaultPracticeEnd, PracticeCreateInputSchema, type PracticePolicy } from '@ganbu/core';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useCreatePosting } from './api.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface Values {
  cadreId?: string;
  kind?: string;
  post: string;
  hostOrgId?: string | null;
  startedOn?: Dayjs;
  endsOn?: Dayjs | null;
}

const DAY = 'YYYY-MM-DD';

/** 选派历练: the cadre, the pack's kind, the post, an optional host unit, the start and (optionally) the end. */
export function PracticeFormDrawer({
  open,
  onClose,
  policy,
}: {
  open: boolean;
  onClose: () => void;
  policy: PracticePolicy;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePosting();
  const kindId = Form.useWatch('kind', form);
  const startedOn = Form.useWatch('startedOn', form);
  const kind = policy.kinds.find((k) => k.id === kindId);

  const onFinish = (v: Values) =>
    create.mutate(
      {
        cadreId: v.cadreId ?? '',
        kind: v.kind ?? '',
        post: v.post,
        hostOrgId: v.hostOrgId ?? null,
        startedOn: (v.startedOn ?? chinaDay()).format(DAY),
        ...(v.endsOn ? { endsOn: v.endsOn.format(DAY) } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('training.practice.created'));
          onClose();
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('training.practice.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="practice-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ startedOn: chinaDay() }}
        data-testid="practice-form"
      >
        <Form.Item
          name="cadreId"
          label={t('training.practice.cadre')}
          rules={[{ required: true, message: t('training.practice.cadreRequired') }]}
        >
          <CadrePicker testId="practice-form-cadre" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('training.practice.kind')}
          rules={[{ required: true, message: t('training.practice.kindRequired') }]}
        >
          <Select
            options={policy.kinds.map((k) => ({ value: k.id, label: k.name }))}
            data-testid="practice-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="post"
          label={t('training.practice.post')}
          required
          rules={[zodRule(PracticeCreateInputSchema.shape.post)]}
        >
          <Input maxLength={200} data-testid="practice-form-post" />
        </Form.Item>
        <Form.Item name="hostOrgId" label={t('training.practice.host')}>
          <UnitSelect placeholder={t('training.practice.hostPlaceholder')} testId="practice-form-host" />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label={t('training.practice.startedOn')}
          rules={[{ required: true, message: t('training.practice.startedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="practice-form-started" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('training.practice.endsOn')}
          extra={
            kind && startedOn
              ? t('training.practice.endsOnHint', {
                  kind: kind.name,
                  months: kind.defaultMonths,
                  end: defaultPracticeEnd(startedOn.format(DAY), kind.defaultMonths),
                })
              : t('training.practice.endsOnHintNoKind')
          }
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => (startedOn ? d.isBefore(startedOn, 'day') : false)}
            data-testid="practice-form-ends"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
