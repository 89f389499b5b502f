import { DisciplineRecordCreateInputSchema } from '@ganbu/core';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from '../../lib/china-day.ts';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../components/CadrePicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCreateRecord, useDisciplineKinds } from './api.ts';
import { kindLabel } from './vocab.tsx';

interface Values {
  cadreId?: string;
  kind?: string;
  grade?: string;
  facts: string;
  decidedBy: string;
  decidedOn: Dayjs;
  documentNo?: string;
}

/** 新增记录: the cadre, the kind and grade as the pack in force on the decision date states them, the facts. */
export function RecordFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decidedOn = Form.useWatch('decidedOn', form);
  const kind = Form.useWatch('kind', form);
  const kinds = useDisciplineKinds(decidedOn ? decidedOn.format('YYYY-MM-DD') : undefined);
  const create = useCreateRecord();
  const shape = DisciplineRecordCreateInputSchema.shape;
  const english = i18n.language === 'en';
  const grades = kinds.data?.items.find((k) => k.id === kind)?.grades ?? [];

  const onFinish = (v: Values) =>
    create.mutate(
      {
        cadreId: v.cadreId ?? '',
        kind: v.kind ?? '',
        grade: v.grade ?? null,
        facts: v.facts,
        decidedBy: v.decidedBy,
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        documentNo: v.documentNo ?? '',
      },
      {
        onSuccess: () => {
          void message.success(t('discipline.records.created'));
          onClose();
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('discipline.records.create')}
      width={560}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="record-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ decidedOn: chinaDay() }}
        data-testid="record-form"
      >
        <Form.Item
          name="cadreId"
          label={t('discipline.records.cadre')}
          rules={[{ required: true, message: t('discipline.records.cadreRequired') }]}
        >
          <CadrePicker testId="record-form-cadre" />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('discipline.records.decidedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('discipline.records.kind')}
          rules={[{ required: true, message: t('discipline.records.kindRequired') }]}
        >
          <Select
            onChange={() => form.setFieldValue('grade', undefined)}
            options={(kinds.data?.items ?? []).map((k) => ({
              value: k.id,
              label: kindLabel(kinds.data?.items, k.id, null, english),
            }))}
            data-testid="record-form-kind"
          />
        </Form.Item>
        {grades.length > 0 ? (
          <Form.Item
            name="grade"
            label={t('discipline.records.grade')}
            rules={[{ required: true, message: t('discipline.records.gradeRequired') }]}
          >
            <Select
              options={grades.map((g) => ({ value: g.id, label: english ? g.nameEn : g.name }))}
              data-testid="record-form-grade"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="facts" label={t('discipline.records.facts')} rules={[zodRule(shape.facts)]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="record-form-facts" />
        </Form.Item>
        <Form.Item
          name="decidedBy"
          label={t('discipline.records.decidedBy')}
          rules={[zodRule(shape.decidedBy)]}
        >
          <Input maxLength={100} data-testid="record-form-decided-by" />
        </Form.Item>
        <Form.Item name="documentNo" label={t('discipline.records.documentNo')}>
          <Input maxLength={60} data-testid="record-form-document-no" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
