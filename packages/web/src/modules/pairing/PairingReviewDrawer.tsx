import { PAIRING_REVIEW_RATINGS, type Pairing, type PairingReviewInput } from '@ganbu/core';
import { Alert, App, DatePicker, Divider, Empty, Form, Input, List, Radio, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { chinaDay } from '../../lib/china-day.ts';
import { useAddPairingReview, usePairingReviews } from './api.ts';

interface Values {
  reviewedOn: Dayjs;
  rating: PairingReviewInput['rating'];
  summary: string;
  decision: PairingReviewInput['decision'];
}

/** 年度评议 of one pairing: when the next is due and why, the earlier ones, and (writers) a new review. */
export function PairingReviewDrawer({
  pairing,
  canWrite,
  onClose,
}: {
  pairing: Pairing | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reviews = usePairingReviews(pairing?.id ?? null);
  const add = useAddPairingReview();
  const writable = canWrite && pairing !== null && pairing.endedOn === null;
  const save = async () => {
    if (!pairing) return;
    const v = await form.validateFields();
    await add
      .mutateAsync({
        id: pairing.id,
        input: {
          reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
          rating: v.rating,
          summary: v.summary,
          decision: v.decision,
        },
      })
      .then(() => {
        void message.success(t('pairing.reviewSaved'));
        onClose();
      })
      .catch(() => undefined);
  };
  const required = [{ required: true, whitespace: true, message: t('pairing.reviewRequired') }];
  return (
    <FormDrawer
      open={pairing !== null}
      onClose={onClose}
      title={
        pairing ? t('pairing.reviewTitle', { mentor: pairing.mentorName, cadre: pairing.cadreName }) : ''
      }
      width={520}
      saving={add.isPending}
      onSave={() => (writable ? void save() : onClose())}
      saveTestId="pairing-review-save"
    >
      {pairing ? (
        <Alert
          type={
            pairing.reviewState === 'overdue' ? 'error' : pairing.reviewState === 'due' ? 'warning' : 'info'
          }
          showIcon
          title={pairing.reviewExplanation}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {writable ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ reviewedOn: chinaDay(), rating: 'good', decision: 'continue' }}
        >
          <Form.Item name="reviewedOn" label={t('pairing.reviewedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
          </Form.Item>
          <Form.Item name="rating" label={t('pairing.rating')}>
            <Radio.Group
              options={PAIRING_REVIEW_RATINGS.map((r) => ({ value: r, label: t(`pairing.ratings.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="summary" label={t('pairing.reviewSummary')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="pairing-review-summary" />
          </Form.Item>
          <Form.Item name="decision" label={t('pairing.decision')}>
            <Radio.Group
              options={(['continue', 'end'] as const).map((d) => ({
                value: d,
                label: t(`pairing.decisions.${d}`),
              }))}
            />
          </Form.Item>
        </Form>
      ) : null}
      <Divider titlePlacement="start">{t('pairing.reviewHistory')}</Divider>
      {reviews.isError ? <QueryError error={reviews.error} /> : null}
      {reviews.data && reviews.data.length === 0 ? <Empty description={t('pairing.noReviews')} /> : null}
      <List
        dataSource={reviews.data}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {r.reviewedOn} <Tag>{t(`pairing.ratings.${r.rating}`)}</Tag>
                  <Tag color={r.decision === 'end' ? 'default' : 'green'}>
                    {t(`pairing.decisions.${r.decision}`)}
                  </Tag>
                </>
              }
              description={
                <Typography.Text>
                  {r.summary}（{r.writtenBy}）
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </FormDrawer>
  );
}
