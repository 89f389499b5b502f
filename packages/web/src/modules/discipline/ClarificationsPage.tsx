import { PlusOutlined } from '@ant-design/icons';
import { can, ClarificationCreateInputSchema, type Clarification } from '@ganbu/core';
import { App, Button, DatePicker, Form, Input, Segmented, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from '../../lib/china-day.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { CadrePicker } from '../../components/CadrePicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { useClarifications, useCreateClarification } from './api.ts';
import { RegisterList } from './RegisterList.tsx';
import { CONCLUSION_COLOR } from './vocab.tsx';

interface Values {
  cadreId?: string;
  receivedOn: Dayjs;
  channel: string;
  allegation: string;
}

function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateClarification();
  const shape = ClarificationCreateInputSchema.shape;
  const onFinish = (v: Values) =>
    create.mutate(
      {
        cadreId: v.cadreId ?? '',
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        channel: v.channel,
        allegation: v.allegation,
      },
      {
        onSuccess: (k) => {
          void message.success(t('discipline.clarifications.created'));
          onClose();
          void navigate(`/discipline/clarifications/${k.id}`);
        },
      },
    );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('discipline.clarifications.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="clarification-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ receivedOn: chinaDay() }}
      >
        <Form.Item name="cadreId" label={t('discipline.clarifications.cadre')} rules={[{ required: true }]}>
          <CadrePicker testId="clarification-form-cadre" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('discipline.clarifications.receivedOn')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t('discipline.clarifications.channel')}
          rules={[zodRule(shape.channel)]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="allegation"
          label={t('discipline.clarifications.allegation')}
          rules={[zodRule(shape.allegation)]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

type Which = 'open' | 'concluded' | 'all';

/** 澄清正名: reports about cadres in scope, their verification and conclusion. */
export function ClarificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'discipline.write');
  const [which, setWhich] = useState<Which>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useClarifications({
    state: which === 'all' ? undefined : which,
    q: q || undefined,
    page,
    pageSize: 20,
  });
  const columns: TableColumnsType<Clarification> = [
    { title: t('discipline.clarifications.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('discipline.clarifications.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    { title: t('discipline.clarifications.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('discipline.clarifications.channel'), dataIndex: 'channel', width: 110 },
    { title: t('discipline.clarifications.allegation'), dataIndex: 'allegation', ellipsis: true, width: 320 },
    {
      title: t('discipline.clarifications.conclusion'),
      key: 'conclusion',
      width: 160,
      render: (_: unknown, k) =>
        k.conclusion ? (
          <Tag color={CONCLUSION_COLOR[k.conclusion]}>
            {t(`discipline.conclusion.${k.conclusion}`)} {k.concludedOn}
          </Tag>
        ) : (
          <Tag color="processing">{t('discipline.clarifications.pending')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, k) => (
        <Button type="link" size="small" onClick={() => void navigate(`/discipline/clarifications/${k.id}`)}>
          {t('discipline.clarifications.detail')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('discipline.clarifications.title')}
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="clarification-create"
          >
            {t('discipline.clarifications.create')}
          </Button>
        ) : null
      }
    >
      <RegisterList<Clarification>
        filters={
          <Segmented<Which>
            value={which}
            onChange={(v) => {
              setWhich(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('discipline.tolerance.all') },
              { value: 'open', label: t('discipline.clarifications.pending') },
              { value: 'concluded', label: t('discipline.clarifications.concluded') },
            ]}
          />
        }
        searchPlaceholder={t('discipline.clarifications.searchPlaceholder')}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        query={list}
        columns={columns}
        testId="clarification-table"
        page={page}
        pageSize={20}
        onPage={setPage}
      />
      {canWrite ? <CreateDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

export default ClarificationsPage;
