import { SUPPORT_CATEGORIES } from '@ganbu/core';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useFileSupport, useMySupport, useOfficers } from './api.ts';
import { SupportStatusTag, when } from './SupportAdmin.tsx';

/**
 * 我的关爱 · 心理支持: ask a care officer of one's choice for support (a topic and one's own words), and the
 * requests made, with the officer's answer. Only the chosen officer and the cadre read a request.
 */
export function MySupport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const officers = useOfficers(true);
  const mine = useMySupport();
  const file = useFileSupport();
  const [form] = Form.useForm<{ officerId: string; category: string; body: string }>();
  const first = officers.data?.items[0]?.id;
  return (
    <div data-testid="my-support">
      <Alert type="success" showIcon title={t('care.health.support.privacy')} style={{ marginBottom: 12 }} />
      {officers.error ? <QueryError error={officers.error} /> : null}
      <Card size="small" title={t('care.health.support.newTitle')} style={{ marginBottom: 16 }}>
        {officers.data && officers.data.items.length === 0 ? (
          <Empty description={t('care.health.support.noOfficer')} />
        ) : (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ category: 'work_stress' }}
            onFinish={(v) =>
              file.mutate(
                { officerId: v.officerId ?? first ?? '', category: v.category as never, body: v.body.trim() },
                {
                  onSuccess: () => {
                    form.resetFields(['body']);
                    void message.success(t('care.health.support.filed'));
                  },
                },
              )
            }
          >
            <Form.Item name="officerId" label={t('care.health.support.officer')}>
              <Select
                placeholder={officers.data?.items[0]?.displayName}
                options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
                data-testid="support-officer"
              />
            </Form.Item>
            <Form.Item name="category" label={t('care.health.support.topic')}>
              <Select
                options={SUPPORT_CATEGORIES.map((c) => ({
                  value: c,
                  label: t(`care.health.support.category.${c}`),
                }))}
                data-testid="support-category"
              />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('care.health.support.body')}
              rules={[{ required: true, whitespace: true, message: t('care.health.support.bodyRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="support-body" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={file.isPending}
              data-testid="support-submit"
            >
              {t('care.health.support.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Title level={5}>{t('care.health.support.mineTitle')}</Typography.Title>
      {mine.error ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {!mine.data ? (
        <Spin />
      ) : mine.data.items.length === 0 ? (
        <Empty description={t('care.health.support.noneMine')} />
      ) : (
        mine.data.items.map((r) => (
          <Card key={r.id} size="small" style={{ marginBottom: 8 }} data-testid="support-mine-item">
            <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
              <Tag>{t(`care.health.support.category.${r.category}`)}</Tag>
              <SupportStatusTag status={r.status} />
              <Typography.Text type="secondary">
                {t('care.health.support.to', { name: r.officerName, when: when(r.createdAt) })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
              {r.body}
            </Typography.Paragraph>
            {r.answer ? (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {t('care.health.support.answerPrefix', { when: when(r.answeredAt) })}
                {r.answer}
              </Typography.Paragraph>
            ) : null}
          </Card>
        ))
      )}
    </div>
  );
}
