import { PoolLeaveSchema, PoolReviewResultSchema, type PoolMember } from '@ganbu/core';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useLeave, useRecordReview } from './api.ts';

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 出库 (动态调整): the reason and the day, both required to be true to the record. */
export function LeaveModal({ member, onClose }: { member: PoolMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; leftOn: Dayjs }>();
  const leave = useLeave();
  return (
    <Modal
      open={member !== null}
      title={member ? t('selection.pools.leaveTitle', { name: member.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={leave.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'pool-leave-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ leftOn: dayjs() }}
        onFinish={(v) =>
          member &&
          leave.mutate(
            { id: member.id, input: { reason: v.reason, leftOn: v.leftOn.format('YYYY-MM-DD') } },
            {
              onSuccess: () => {
                void message.success(t('selection.pools.left'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('selection.pools.leaveReason')}
          required
          rules={[zodRule(PoolLeaveSchema.shape.reason)]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="pool-leave-reason" />
        </Form.Item>
        <Form.Item name="leftOn" label={t('selection.pools.leftOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface ReviewTarget {
  memberId: string;
  name: string;
  reviewId: string;
  review: string;
  dueOn: string;
}

/** The result of a due review: kept in the pool, or not (then the member leaves with the reason). */
export function ReviewModal({ target, onClose }: { target: ReviewTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: string; keeps: boolean; exitReason?: string; doneOn: Dayjs }>();
  const keeps = Form.useWatch('keeps', form);
  const record = useRecordReview();
  return (
    <Modal
      open={target !== null}
      title={target ? t('selection.pools.recordTitle', { ...target }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'pool-review-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ keeps: true, doneOn: dayjs() }}
        onFinish={(v) =>
          target &&
          record.mutate(
            {
              id: target.memberId,
              reviewId: target.reviewId,
              input: {
                result: v.result,
                keeps: v.keeps,
                doneOn: v.doneOn.format('YYYY-MM-DD'),
                ...(!v.keeps && v.exitReason?.trim() ? { exitReason: v.exitReason } : {}),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('selection.pools.recorded'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="result"
          label={t('selection.pools.result')}
          required
          rules={[zodRule(PoolReviewResultSchema.shape.result)]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="pool-review-result" />
        </Form.Item>
        <Form.Item name="keeps" label={t('selection.pools.keeps')}>
          <Radio.Group
            options={[
              { value: true, label: t('selection.pools.keepsYes') },
              { value: false, label: t('selection.pools.keepsNo') },
            ]}
          />
        </Form.Item>
        {keeps === false ? (
          <Form.Item name="exitReason" label={t('selection.pools.exitReason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        <Form.Item name="doneOn" label={t('selection.pools.doneOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
