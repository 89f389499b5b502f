import { PairingCreateInputSchema } from '@ganbu/core';
import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../components/CadrePicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCreatePairing } from './api.ts';

interface Values {
  cadreId?: string;
  mentorId?: string;
  focus: string;
  startedOn: Dayjs;
}

/** 新增结对: pick the cadre and the mentor from the roster, state the focus and the start day. */
export function PairingFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePairing();
  const shape = PairingCreateInputSchema.shape;

  const onFinish = (v: Values) =>
    create.mutate(
      {
        cadreId: v.cadreId ?? '',
        mentorId: v.mentorId ?? '',
        focus: v.focus,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('pairing.created'));
          onClose();
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('pairing.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="pairing-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ startedOn: dayjs() }}
        data-testid="pairing-form"
      >
        <Form.Item
          name="cadreId"
          label={t('pairing.cadre')}
          rules={[{ required: true, message: t('pairing.cadreRequired') }]}
        >
          <CadrePicker testId="pairing-form-cadre" />
        </Form.Item>
        <Form.Item
          name="mentorId"
          label={t('pairing.mentor')}
          dependencies={['cadreId']}
          rules={[
            { required: true, message: t('pairing.mentorRequired') },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v && v === getFieldValue('cadreId')) throw new Error(t('pairing.notSelf'));
              },
            }),
          ]}
        >
          <CadrePicker testId="pairing-form-mentor" />
        </Form.Item>
        <Form.Item name="focus" label={t('pairing.focus')} required rules={[zodRule(shape.focus)]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="pairing-form-focus" />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label={t('pairing.startedOn')}
          rules={[{ required: true, message: t('pairing.startedOnRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="pairing-form-started"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
