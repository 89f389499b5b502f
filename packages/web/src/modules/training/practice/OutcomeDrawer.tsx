import { PRACTICE_RATINGS, type PracticePosting, type PracticeRating } from '@ganbu/core';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useUpdatePosting } from './api.ts';

interface Values {
  rating?: PracticeRating;
  note?: string;
}

/** 登记历练成效 of an ended posting: a rating and a note. */
export function OutcomeDrawer({
  posting,
  onClose,
}: {
  posting: PracticePosting | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePosting();
  const onFinish = (v: Values) =>
    posting &&
    update.mutate(
      { id: posting.id, input: { outcome: { rating: v.rating ?? 'pass', note: v.note ?? '' } } },
      {
        onSuccess: () => {
          void message.success(t('training.practice.saved'));
          onClose();
        },
      },
    );
  return (
    <FormDrawer
      open={posting !== null}
      onClose={onClose}
      title={
        posting
          ? t('training.practice.outcomeTitle', { name: posting.cadreName, kind: posting.kindName })
          : ''
      }
      width={480}
      saving={update.isPending}
      onSave={() => form.submit()}
      saveTestId="practice-outcome-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ rating: posting?.outcome?.rating, note: posting?.outcome?.note ?? '' }}
      >
        <Form.Item
          name="rating"
          label={t('training.practice.rating')}
          rules={[{ required: true, message: t('training.practice.ratingRequired') }]}
        >
          <Select
            options={PRACTICE_RATINGS.map((r) => ({ value: r, label: t(`training.practice.ratings.${r}`) }))}
            data-testid="practice-outcome-rating"
          />
        </Form.Item>
        <Form.Item name="note" label={t('training.practice.note')}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="practice-outcome-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
