import {
  POST_REVIEW_OUTCOMES,
  postReviewDue,
  unfitMeasureDue,
  type AfterPolicyView,
  type PostReview,
  type PostReviewOutcome,
} from '@ganbu/core';
import { Alert, App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useCreatePostReview, useDecidePostReview } from './api.ts';
import { DAY } from './common.tsx';

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 登记任后评估 for an appointment made elsewhere; the due date as the pack sets it shows as one types. */
export function ReviewCreateDrawer({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: AfterPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId?: string; postTitle: string; appointedOn?: Dayjs }>();
  const create = useCreatePostReview();
  const appointedOn = Form.useWatch('appointedOn', form);
  const preview =
    policy?.postReview && appointedOn
      ? postReviewDue(appointedOn.format(DAY), policy.postReview, policy.packName)
      : null;
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('selection.after.reviews.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="review-form-submit"
    >
      <Typography.Paragraph type="secondary">{t('selection.after.reviews.createHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            {
              cadreId: v.cadreId ?? '',
              postTitle: v.postTitle,
              appointedOn: v.appointedOn?.format(DAY) ?? '',
            },
            {
              onSuccess: () => {
                void message.success(t('selection.after.reviews.created'));
                onClose();
              },
            },
          )
        }
        data-testid="review-form"
      >
        <Form.Item
          name="cadreId"
          label={t('selection.after.cadre')}
          rules={[{ required: true, message: t('selection.after.reviews.cadreRequired') }]}
        >
          <CadrePicker testId="review-form-cadre" />
        </Form.Item>
        <Form.Item
          name="postTitle"
          label={t('selection.after.reviews.postTitle')}
          rules={[
            { required: true, whitespace: true, message: t('selection.after.reviews.postTitleRequired') },
          ]}
        >
          <Input maxLength={200} data-testid="review-form-post" />
        </Form.Item>
        <Form.Item
          name="appointedOn"
          label={t('selection.after.reviews.appointedOn')}
          rules={[{ required: true, message: t('selection.after.reviews.dateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={notAfterToday}
            data-testid="review-form-appointed"
          />
        </Form.Item>
      </Form>
      {preview ? (
        <Alert
          type="info"
          showIcon
          title={`${t('selection.after.reviews.duePreview')}：${preview.date}`}
          description={preview.explanation}
          data-testid="review-form-preview"
        />
      ) : null}
    </FormDrawer>
  );
}

interface OutcomeValues {
  outcome?: PostReviewOutcome;
  note: string;
  decidedOn: Dayjs;
  measureId?: string;
  reason?: string;
  startOn?: Dayjs;
}

/** 评估结论: 胜任 / 基本胜任 / 不胜任; 不胜任 asks for the measure (the pack's), its reason and start. */
export function ReviewOutcomeDrawer({
  review,
  policy,
  onClose,
}: {
  review: PostReview | null;
  policy: AfterPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const decide = useDecidePostReview();
  const outcome = Form.useWatch('outcome', form);
  const measureId = Form.useWatch('measureId', form);
  const startOn = Form.useWatch('startOn', form);
  const measure = policy?.unfitMeasures.find((m) => m.id === measureId);
  const preview =
    measure && startOn && policy ? unfitMeasureDue(startOn.format(DAY), measure, policy.packName) : null;
  const onFinish = (v: OutcomeValues) =>
    review &&
    decide.mutate(
      {
        reviewId: review.id,
        input: {
          outcome: v.outcome ?? 'fit',
          note: v.note ?? '',
          decidedOn: v.decidedOn.format(DAY),
          measure:
            v.outcome === 'unfit'
              ? {
                  measureId: v.measureId ?? '',
                  reason: v.reason ?? '',
                  startOn: (v.startOn ?? v.decidedOn).format(DAY),
                }
              : undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('selection.after.reviews.decided'));
          onClose();
        },
      },
    );
  return (
    <FormDrawer
      open={review !== null}
      onClose={onClose}
      title={review ? t('selection.after.reviews.decideTitle', { name: review.cadreName }) : ''}
      width={560}
      saving={decide.isPending}
      onSave={() => form.submit()}
      saveTestId="outcome-form-submit"
    >
      {review ? (
        <Typography.Paragraph type="secondary">
          {review.postTitle} · {review.explanation}
        </Typography.Paragraph>
      ) : null}
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decidedOn: dayjs(), startOn: dayjs(), note: '' }}
        onFinish={onFinish}
        data-testid="outcome-form"
      >
        <Form.Item
          name="outcome"
          label={t('selection.after.reviews.outcome')}
          rules={[{ required: true, message: t('selection.after.reviews.outcomeRequired') }]}
        >
          <Radio.Group data-testid="outcome-form-outcome">
            {POST_REVIEW_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o} data-testid={`outcome-${o}`}>
                {t(`selection.after.outcomes.${o}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('selection.after.reviews.note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="outcome-form-note" />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('selection.after.reviews.decidedOn')}
          rules={[{ required: true, message: t('selection.after.reviews.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
        {outcome === 'unfit' ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('selection.after.reviews.unfitHint')}
              style={{ marginBottom: 16 }}
            />
            <Form.Item
              name="measureId"
              label={t('selection.after.reviews.unfitMeasure')}
              rules={[{ required: true, message: t('selection.after.measures.measureRequired') }]}
            >
              <Select
                data-testid="outcome-form-measure"
                options={(policy?.unfitMeasures ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.name}（${t('selection.after.measures.term', { months: m.termMonths })}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('selection.after.measures.reason')}
              rules={[
                { required: true, whitespace: true, message: t('selection.after.measures.reasonRequired') },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="outcome-form-reason" />
            </Form.Item>
            <Form.Item
              name="startOn"
              label={t('selection.after.measures.startOn')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
            {preview ? (
              <Alert type="info" showIcon title={preview.explanation} data-testid="outcome-form-preview" />
            ) : null}
          </>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
