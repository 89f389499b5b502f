import type { CareOfficer, SupportRequest } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useAnswerSupport,
  useAssignedSupport,
  useCloseSupport,
  useDeactivateOfficer,
  useDesignateOfficer,
  useOfficers,
} from './api.ts';

const STATUS_COLOR: Record<SupportRequest['status'], string> = {
  open: 'red',
  answered: 'blue',
  closed: 'default',
};

export function SupportStatusTag({ status }: { status: SupportRequest['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`care.health.support.status.${status}`)}</Tag>;
}

export const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** The support requests named to the user (a care officer): read, answer, close. Nobody else sees them. */
export function SupportInboxTab() {
  const { t } = useTranslation();
  const list = useAssignedSupport();
  const items = list.data?.items ?? [];
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t('care.health.support.officerNote')}
        style={{ marginBottom: 16 }}
      />
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {items.length === 0 && !list.isPending ? (
        <Empty description={t('care.health.support.noneAssigned')} />
      ) : (
        <List
          loading={list.isPending}
          dataSource={items}
          data-testid="support-assigned"
          renderItem={(r) => <AssignedItem key={r.id} r={r} />}
        />
      )}
    </>
  );
}

function AssignedItem({ r }: { r: SupportRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerSupport();
  const close = useCloseSupport();
  const [text, setText] = useState('');
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{r.cadreName}</span>
          <Tag>{t(`care.health.support.category.${r.category}`)}</Tag>
          <SupportStatusTag status={r.status} />
        </Flex>
      }
      extra={<Typography.Text type="secondary">{when(r.createdAt)}</Typography.Text>}
      data-testid="support-assigned-item"
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
      {r.answer ? (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('care.health.support.answerPrefix', { when: when(r.answeredAt) })}
          {r.answer}
        </Typography.Paragraph>
      ) : null}
      {r.status !== 'closed' ? (
        <Flex gap={8} vertical>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('care.health.support.answerPlaceholder')}
            data-testid="support-answer-text"
          />
          <Flex gap={8}>
            <Button
              type="primary"
              disabled={!text.trim()}
              loading={answer.isPending}
              onClick={() =>
                answer.mutate(
                  { requestId: r.id, answer: text.trim() },
                  {
                    onSuccess: () => {
                      setText('');
                      void message.success(t('care.health.support.answered'));
                    },
                  },
                )
              }
              data-testid="support-answer"
            >
              {t('care.health.support.answer')}
            </Button>
            <Popconfirm title={t('care.health.support.closeConfirm')} onConfirm={() => close.mutate(r.id)}>
              <Button>{t('care.health.support.close')}</Button>
            </Popconfirm>
          </Flex>
        </Flex>
      ) : null}
    </Card>
  );
}

/** 组织部: the district's care officers (关爱专员), designated by account name. */
export function OfficersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useOfficers(false);
  const designate = useDesignateOfficer();
  const deactivate = useDeactivateOfficer();
  const [form] = Form.useForm<{ username: string; displayName?: string }>();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('care.health.officers.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) =>
          designate.mutate(
            { username: v.username.trim(), displayName: v.displayName?.trim() || undefined },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('care.health.officers.designated'));
              },
            },
          )
        }
      >
        <Form.Item
          name="username"
          rules={[{ required: true, message: t('care.health.officers.usernameRequired') }]}
        >
          <Input placeholder={t('care.health.officers.username')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="displayName">
          <Input placeholder={t('care.health.officers.displayName')} style={{ width: 180 }} maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={designate.isPending}>
          {t('care.health.officers.designate')}
        </Button>
      </Form>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<CareOfficer>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('care.health.officers.displayName'), dataIndex: 'displayName' },
          {
            title: t('care.health.officers.state'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? (
                <Tag color="green">{t('care.health.officers.active')}</Tag>
              ) : (
                <Tag>{t('care.health.officers.inactive')}</Tag>
              ),
          },
          {
            title: t('care.health.col.actions'),
            key: 'actions',
            render: (_, o) =>
              o.active ? (
                <Popconfirm
                  title={t('care.health.officers.deactivateConfirm')}
                  onConfirm={() => deactivate.mutate(o.id)}
                >
                  <Button size="small" type="link" danger>
                    {t('care.health.officers.deactivate')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
