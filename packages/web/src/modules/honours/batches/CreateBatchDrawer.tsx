import type { HonourPolicyView } from '@ganbu/core';
import { Alert, App, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useCreateBatch } from '../api.ts';

interface Values {
  name: string;
  year: number;
  kindId?: string;
}

/** 新建表彰批次 (组织部): name, year and a kind of the pack in force; opens the new batch. */
export function CreateBatchDrawer({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: HonourPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateBatch();

  const onFinish = (v: Values) =>
    create.mutate(
      { name: v.name.trim(), year: v.year, kindId: v.kindId ?? '' },
      {
        onSuccess: (b) => {
          void message.success(t('honours.batches.form.created'));
          onClose();
          void navigate(`/honours/batches/${b.id}`);
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('honours.batches.form.title')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="batch-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: chinaDay().year() }}
        onFinish={onFinish}
        data-testid="batch-form"
      >
        <Form.Item
          name="name"
          label={t('honours.batches.form.name')}
          rules={[{ required: true, whitespace: true, message: t('honours.batches.form.nameRequired') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('honours.batches.form.namePlaceholder')}
            data-testid="batch-form-name"
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('honours.batches.form.year')}
          rules={[{ required: true, message: t('honours.batches.form.yearRequired') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 140 }} data-testid="batch-form-year" />
        </Form.Item>
        <Form.Item
          name="kindId"
          label={t('honours.batches.form.kind')}
          rules={[{ required: true, message: t('honours.batches.form.kindRequired') }]}
        >
          <Select
            data-testid="batch-form-kind"
            options={(policy?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
          />
        </Form.Item>
        {policy ? (
          <Alert
            type="info"
            showIcon
            title={t('honours.batches.form.pack', {
              pack: policy.packName,
              days: policy.noticeWorkingDays,
            })}
          />
        ) : null}
      </Form>
    </FormDrawer>
  );
}
