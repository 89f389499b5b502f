import { PlusOutlined } from '@ant-design/icons';
import { can, type AidCase, type AidDueState, type AidPolicyView } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useAidCases, useOpenAidCase } from './api.ts';
import { AidCaseDrawer } from './AidCaseDrawer.tsx';

const STATES = ['open', 'overdue', 'due_soon', 'closed', 'all'] as const;
type StateFilter = (typeof STATES)[number];
export const DAY = 'YYYY-MM-DD';
export const notAfterToday = (d: Dayjs) => d.isAfter(chinaDay(), 'day');

const DUE_COLORS: Record<AidDueState, string> = {
  overdue: 'red',
  due_soon: 'orange',
  scheduled: 'blue',
  closed: 'default',
};

export function AidDueTag({ state }: { state: AidDueState }) {
  const { t } = useTranslation();
  return (
    <Tag color={DUE_COLORS[state]} data-testid={`aid-due-${state}`}>
      {t(`care.aid.stateTag.${state}`)}
    </Tag>
  );
}

/**
 * 困难帮扶与优抚: cases of hardship aid and of families of cadres who died on duty in scope, with the pack's
 * checklist progress and the next visit due (overdue first); family details masked in the list. `?case=`
 * opens a case (the inbox reminder links there).
 */
export default function AidPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'care.manage');
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<StateFilter>('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const opened = params.get('case');
  const cases = useAidCases({
    state: state === 'all' ? undefined : state,
    q: q || undefined,
    page,
    pageSize,
  });
  const policy = cases.data?.policy;
  const openCase = (id: string | null) => setParams(id ? { case: id } : {}, { replace: true });

  const columns: TableColumnsType<AidCase> = [
    { title: t('care.aid.cadre'), dataIndex: 'cadreName', width: 100, fixed: 'left' },
    { title: t('care.aid.unit'), dataIndex: 'orgName', ellipsis: true },
    { title: t('care.aid.kind'), dataIndex: 'kindName', width: 140 },
    { title: t('care.aid.family'), dataIndex: 'familyContact', width: 110 },
    { title: t('care.aid.openedOn'), dataIndex: 'openedOn', width: 110 },
    {
      title: t('care.aid.checklist'),
      key: 'checklist',
      width: 150,
      render: (_: unknown, c) => (
        <Progress
          size="small"
          percent={c.checklistTotal ? Math.round((c.checklistDone * 100) / c.checklistTotal) : 0}
          format={() => t('care.aid.progress', { done: c.checklistDone, total: c.checklistTotal })}
        />
      ),
    },
    {
      title: t('care.aid.nextDue'),
      key: 'due',
      width: 180,
      render: (_: unknown, c) => (
        <Space size={4} title={c.explanation}>
          {c.nextDueOn ?? t('common.empty')}
          <AidDueTag state={c.dueState} />
        </Space>
      ),
    },
    {
      title: t('care.aid.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, c) => (
        <Button type="link" size="small" onClick={() => openCase(c.id)} data-testid={`aid-open-${c.id}`}>
          {t('care.aid.open')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('care.aid.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            disabled={!policy?.kinds.length}
            data-testid="aid-create"
          >
            {t('care.aid.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<StateFilter>
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={STATES.map((s) => ({ value: s, label: t(`care.aid.state.${s}`) }))}
            data-testid="aid-state"
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('care.aid.search')}
            style={{ maxWidth: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Flex>
      </Card>
      {policy ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('care.aid.policy', {
            packName: policy.packName,
            kinds: policy.kinds
              .map((k) => `${k.name}（${t('care.aid.followUpEvery', { months: k.followUpEveryMonths })}）`)
              .join('；'),
          })}
        />
      ) : null}
      {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      <Card size="small">
        <Table<AidCase>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data?.items}
          loading={cases.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="aid-table"
          pagination={{
            current: page,
            pageSize,
            total: cases.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage ? (
        <AidCreateDrawer
          open={creating}
          policy={policy}
          onClose={() => setCreating(false)}
          onOpened={openCase}
        />
      ) : null}
      <AidCaseDrawer
        caseId={opened}
        maySeeFamily={policy?.maySeeFamily ?? false}
        canManage={canManage}
        onClose={() => openCase(null)}
      />
    </PageContainer>
  );
}

interface CreateValues {
  cadreId?: string;
  kindId?: string;
  openedOn: Dayjs;
  familyContact: string;
  familyPhone: string;
  situation: string;
}

function AidCreateDrawer({
  open,
  policy,
  onClose,
  onOpened,
}: {
  open: boolean;
  policy: AidPolicyView | undefined;
  onClose: () => void;
  onOpened: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useOpenAidCase();
  const kindId = Form.useWatch('kindId', form);
  const kind = policy?.kinds.find((k) => k.id === kindId);
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('care.aid.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="aid-form-submit"
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ openedOn: chinaDay(), familyPhone: '' }}
        onFinish={(v) =>
          create.mutate(
            {
              cadreId: v.cadreId ?? '',
              kindId: v.kindId ?? '',
              openedOn: v.openedOn.format(DAY),
              familyContact: v.familyContact,
              familyPhone: v.familyPhone ?? '',
              situation: v.situation,
            },
            {
              onSuccess: (c) => {
                void message.success(t('care.aid.created'));
                onClose();
                onOpened(c.id);
              },
            },
          )
        }
      >
        <Form.Item
          name="cadreId"
          label={t('care.aid.cadre')}
          rules={[{ required: true, message: t('care.aid.cadreRequired') }]}
        >
          <CadrePicker testId="aid-form-cadre" />
        </Form.Item>
        <Form.Item
          name="kindId"
          label={t('care.aid.kind')}
          rules={[{ required: true, message: t('care.aid.kindRequired') }]}
          extra={
            kind
              ? `${kind.checklist.map((i) => i.name).join('、')}；${t('care.aid.followUpEvery', { months: kind.followUpEveryMonths })}`
              : null
          }
        >
          <Select
            data-testid="aid-form-kind"
            options={(policy?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
          />
        </Form.Item>
        <Form.Item name="openedOn" label={t('care.aid.openedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
        <Form.Item
          name="familyContact"
          label={t('care.aid.familyContact')}
          rules={[{ required: true, whitespace: true, message: t('care.aid.familyContactRequired') }]}
        >
          <Input maxLength={50} data-testid="aid-form-contact" />
        </Form.Item>
        <Form.Item name="familyPhone" label={t('care.aid.familyPhone')}>
          <Input maxLength={20} data-testid="aid-form-phone" />
        </Form.Item>
        <Form.Item
          name="situation"
          label={t('care.aid.situation')}
          rules={[{ required: true, whitespace: true, message: t('care.aid.situationRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="aid-form-situation" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
