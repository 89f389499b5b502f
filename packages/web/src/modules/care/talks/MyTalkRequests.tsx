import { PlusOutlined } from '@ant-design/icons';
import type { TalkRequest } from '@ganbu/core';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useMyTalkRequests, useRequestableLeaders, useRequestTalk, useWithdrawRequest } from './api.ts';
import { RequestStateTag } from './common.tsx';

/**
 * A tab of 我的关爱 (a cadre, often on a phone): her requests to talk with a leader (双向约谈), each with its
 * state, the leader's answer and the day it is due; a button to ask a new one.
 */
export function MyTalkRequests() {
  const { t } = useTranslation();
  const mine = useMyTalkRequests();
  const leaders = useRequestableLeaders();
  const [asking, setAsking] = useState(false);
  const offered = leaders.data?.offered ?? false;
  return (
    <Flex vertical gap={12}>
      {leaders.data && !offered ? (
        <Alert type="info" showIcon title={t('care.talks.mine.notOffered')} />
      ) : null}
      {offered ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAsking(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="talk-request-new"
        >
          {t('care.talks.mine.ask')}
        </Button>
      ) : null}
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isPending ? <Spin /> : null}
      {mine.data && mine.data.length === 0 ? <Empty description={t('care.talks.mine.empty')} /> : null}
      {(mine.data ?? []).map((r) => (
        <RequestCard key={r.id} r={r} />
      ))}
      <AskDrawer open={asking} onClose={() => setAsking(false)} leaders={leaders.data?.items ?? []} />
    </Flex>
  );
}

function RequestCard({ r }: { r: TalkRequest }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const withdraw = useWithdrawRequest();
  const waiting = r.state === 'waiting' || r.state === 'overdue';
  return (
    <Card
      size="small"
      title={`${r.leaderTitle} ${r.leaderName}`}
      extra={<RequestStateTag state={r.state} />}
      actions={
        waiting
          ? [
              <Button
                key="withdraw"
                type="link"
                danger
                size="small"
                onClick={() =>
                  modal.confirm({
                    title: t('care.talks.mine.withdrawConfirm'),
                    onOk: () => withdraw.mutateAsync(r.id).catch(() => undefined),
                  })
                }
              >
                {t('care.talks.mine.withdraw')}
              </Button>,
            ]
          : undefined
      }
      data-testid={`my-talk-request-${r.id}`}
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {r.requestedOn}
          {r.dueOn ? ` · ${t('care.talks.mine.due', { date: r.dueOn })}` : ''}
        </Typography.Text>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{r.reason}</Typography.Paragraph>
        {r.answer ? (
          <Alert
            type={r.state === 'answered_late' ? 'warning' : 'success'}
            title={r.answeredOn ? t('care.talks.mine.answeredOn', { date: r.answeredOn }) : undefined}
            description={r.answer}
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.explanation}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function AskDrawer({
  open,
  onClose,
  leaders,
}: {
  open: boolean;
  onClose: () => void;
  leaders: { id: string; name: string; title: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leaderId: string; reason: string }>();
  const ask = useRequestTalk();
  const required = [{ required: true, whitespace: true, message: t('care.talks.required') }];
  const save = async () => {
    const v = await form.validateFields();
    await ask
      .mutateAsync({ leaderId: v.leaderId, reason: v.reason })
      .then(() => {
        void message.success(t('care.talks.mine.sent'));
        onClose();
      })
      .catch(() => undefined);
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('care.talks.mine.askTitle')}
      width={480}
      saving={ask.isPending}
      onSave={() => void save()}
      saveTestId="talk-request-save"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="leaderId" label={t('care.talks.mine.leader')} rules={required}>
          <Select
            options={leaders.map((l) => ({ value: l.id, label: `${l.title} ${l.name}` }))}
            data-testid="talk-request-leader"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('care.talks.mine.reason')} rules={required}>
          <Input.TextArea rows={5} maxLength={1000} data-testid="talk-request-reason" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
