import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { can, type Borrowing, type BorrowingList } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import {
  downloadXlsx,
  useBorrowingCandidates,
  useBorrowings,
  useRequestBorrowing,
  useReturnBorrowing,
} from './api.ts';

const DAY = 'YYYY-MM-DD';
const STATES = ['pending', 'in_force', 'overdue', 'returned', 'rejected', 'withdrawn'] as const;
const STATE_COLORS: Record<Borrowing['state'], string> = {
  pending: 'blue',
  in_force: 'green',
  overdue: 'red',
  returned: 'default',
  rejected: 'default',
  withdrawn: 'default',
};
/** the purpose the pack does not allow (日常工作 …): asked anyway, refused by the server with the rule */
const OTHER = 'other';
const P = 'burden.staffing.borrowings';

/**
 * 借调登记: the borrowings the caller sees (a street its cadres lent out, a department what it asked for),
 * overdue returns first; the request drawer shows the pack's rule and, when refused, the server's reason.
 */
export default function BorrowingsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canRequest = can(me.roles, 'borrowing.request');
  const canManage = can(me.roles, 'burden.manage');
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const [orgId, setOrgId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [requesting, setRequesting] = useState(false);
  const [returning, setReturning] = useState<Borrowing | null>(null);
  const list = useBorrowings({ orgId, state, page, pageSize });
  const rule = list.data?.rule;

  const columns: TableColumnsType<Borrowing> = [
    { title: t(`${P}.cadre`), dataIndex: 'cadreName', width: 90, fixed: 'left' },
    { title: t(`${P}.lender`), dataIndex: 'lenderName', width: 140 },
    { title: t(`${P}.borrower`), dataIndex: 'borrowerName', width: 150 },
    { title: t(`${P}.purpose`), dataIndex: 'purposeName', width: 150 },
    { title: t(`${P}.task`), dataIndex: 'task', ellipsis: true },
    {
      title: t(`${P}.period`),
      key: 'period',
      width: 200,
      render: (_: unknown, b) => `${b.from} ~ ${b.until}`,
    },
    {
      title: t(`${P}.approval`),
      key: 'approval',
      width: 170,
      render: (_: unknown, b) => (b.approval ? `${b.approval.byName} ${b.approval.reference}` : '—'),
    },
    {
      title: t(`${P}.state`),
      key: 'state',
      width: 120,
      render: (_: unknown, b) => (
        <Tag color={STATE_COLORS[b.state]} title={b.stateText} data-testid={`borrowing-state-${b.id}`}>
          {t(`${P}.states.${b.state}`)}
        </Tag>
      ),
    },
    {
      title: t(`${P}.case`),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, b) => (
        <Space size={4}>
          {b.caseId ? <Link to={`/inbox/cases/${b.caseId}`}>{t(`${P}.openCase`)}</Link> : null}
          {canManage && (b.state === 'in_force' || b.state === 'overdue') ? (
            <Button
              type="link"
              size="small"
              onClick={() => setReturning(b)}
              data-testid={`borrowing-return-${b.id}`}
            >
              {t(`${P}.returnAction`)}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t(`${P}.title`)}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadXlsx('/api/burden/borrowings/export.xlsx', { orgId, state }, '借调登记表.xlsx')
            }
          >
            {t(`${P}.export`)}
          </Button>
          {canRequest ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRequesting(true)}
              data-testid="borrowing-request"
            >
              {t(`${P}.request`)}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(`${P}.rule`)}
        description={rule ? rule.text : t(`${P}.noRule`)}
        data-testid="borrowing-rule"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <div style={{ width: 260 }}>
            <UnitPicker
              value={orgId}
              onChange={(v) => {
                setOrgId(v);
                setPage(1);
              }}
              testId="borrowing-org"
              placeholder={t(`${P}.lender`)}
            />
          </div>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t(`${P}.allStates`)}
            value={state}
            onChange={(v?: string) => {
              setParams(v ? { state: v } : {}, { replace: true });
              setPage(1);
            }}
            options={STATES.map((s) => ({ value: s, label: t(`${P}.states.${s}`) }))}
            data-testid="borrowing-state-filter"
          />
          {list.data?.overdue ? (
            <Tag color="red">{t(`${P}.overdue`, { count: list.data.overdue })}</Tag>
          ) : null}
        </Flex>
      </Card>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<Borrowing>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="borrowing-table"
          expandable={{
            expandedRowRender: (b) => (
              <Typography.Paragraph style={{ margin: 0 }}>
                {b.stateText}。{b.explanation}
              </Typography.Paragraph>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canRequest ? (
        <RequestDrawer
          open={requesting}
          rule={rule ?? null}
          defaultBorrower={me.orgId}
          onClose={() => setRequesting(false)}
        />
      ) : null}
      <ReturnModal borrowing={returning} onClose={() => setReturning(null)} />
    </PageContainer>
  );
}

function CandidateSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useBorrowingCandidates(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder={t(`${P}.form.cadrePlaceholder`)}
      options={(found.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}（${c.lenderName}${c.postTitle ? ` · ${c.postTitle}` : ''}）`,
      }))}
      data-testid="borrowing-form-cadre"
    />
  );
}

interface RequestValues {
  cadreId?: string;
  borrowerOrgId?: string;
  purposeId?: string;
  task: string;
  from: Dayjs;
  until: Dayjs;
  reference?: string;
  approvalDate?: Dayjs;
}

function RequestDrawer({
  open,
  rule,
  defaultBorrower,
  onClose,
}: {
  open: boolean;
  rule: BorrowingList['rule'];
  defaultBorrower: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const send = useRequestBorrowing();
  const purposeId = Form.useWatch('purposeId', form);
  const purpose = rule?.purposes.find((p) => p.id === purposeId);
  const refusal = send.error;
  const refusalText =
    refusal && isApiError(refusal)
      ? ((refusal.details as { explanation?: string } | undefined)?.explanation ?? refusal.message)
      : refusal
        ? errorMessage(refusal)
        : null;
  return (
    <FormDrawer
      open={open}
      onClose={() => {
        send.reset();
        onClose();
      }}
      title={t(`${P}.request`)}
      width={560}
      saving={send.isPending}
      onSave={() => form.submit()}
      saveTestId="borrowing-form-submit"
    >
      {rule ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={rule.text} />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`${P}.noRule`)} />
      )}
      {refusalText ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={isApiError(refusal) ? errorMessage(refusal) : t(`${P}.refused`)}
          description={refusalText}
          data-testid="borrowing-refusal"
        />
      ) : null}
      <Form<RequestValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          borrowerOrgId: defaultBorrower,
          from: chinaDay().add(7, 'day'),
          until: chinaDay().add(2, 'month'),
        }}
        onValuesChange={() => send.reset()}
        onFinish={(v) =>
          send.mutate(
            {
              cadreId: v.cadreId ?? '',
              borrowerOrgId: v.borrowerOrgId ?? '',
              purposeId: v.purposeId === OTHER ? 'routine' : (v.purposeId ?? ''),
              task: v.task,
              from: v.from.format(DAY),
              until: v.until.format(DAY),
              approval:
                purpose?.approvalBy && v.reference && v.approvalDate
                  ? { by: purpose.approvalBy.id, reference: v.reference, date: v.approvalDate.format(DAY) }
                  : null,
            },
            {
              onSuccess: () => {
                void message.success(t(`${P}.requested`));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="cadreId"
          label={t(`${P}.form.cadre`)}
          rules={[{ required: true, message: t(`${P}.form.cadreRequired`) }]}
        >
          <CandidateSelect />
        </Form.Item>
        <Form.Item
          name="borrowerOrgId"
          label={t(`${P}.form.borrower`)}
          rules={[{ required: true, message: t(`${P}.form.borrowerRequired`) }]}
        >
          <UnitPicker testId="borrowing-form-borrower" placeholder={t(`${P}.form.borrowerPlaceholder`)} />
        </Form.Item>
        <Form.Item
          name="purposeId"
          label={t(`${P}.form.purpose`)}
          rules={[{ required: true, message: t(`${P}.form.purposeRequired`) }]}
          extra={purpose?.approvalBy ? t(`${P}.form.needsApproval`, { by: purpose.approvalBy.name }) : null}
        >
          <Select
            data-testid="borrowing-form-purpose"
            options={[
              ...(rule?.purposes ?? []).map((p) => ({ value: p.id, label: p.name })),
              { value: OTHER, label: t(`${P}.form.other`) },
            ]}
          />
        </Form.Item>
        {purpose?.approvalBy ? (
          <Flex gap={12}>
            <Form.Item
              name="reference"
              label={t(`${P}.form.approvalReference`)}
              style={{ flex: 1 }}
              rules={[
                { required: true, whitespace: true, message: t(`${P}.form.approvalReferenceRequired`) },
              ]}
            >
              <Input maxLength={100} data-testid="borrowing-form-reference" />
            </Form.Item>
            <Form.Item name="approvalDate" label={t(`${P}.form.approvalDate`)} rules={[{ required: true }]}>
              <DatePicker data-testid="borrowing-form-approval-date" />
            </Form.Item>
          </Flex>
        ) : null}
        <Form.Item
          name="task"
          label={t(`${P}.form.task`)}
          rules={[{ required: true, whitespace: true, message: t(`${P}.form.taskRequired`) }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="borrowing-form-task" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="from" label={t(`${P}.form.from`)} rules={[{ required: true }]}>
            <DatePicker data-testid="borrowing-form-from" />
          </Form.Item>
          <Form.Item
            name="until"
            label={t(`${P}.form.until`)}
            rules={[{ required: true }]}
            extra={rule ? t(`${P}.form.maxMonths`, { months: rule.maxMonths }) : null}
          >
            <DatePicker data-testid="borrowing-form-until" />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}

function ReturnModal({ borrowing, onClose }: { borrowing: Borrowing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs>(chinaDay());
  const back = useReturnBorrowing();
  return (
    <Modal
      open={borrowing !== null}
      title={borrowing ? `${t(`${P}.returnAction`)}：${borrowing.cadreName}` : ''}
      onCancel={onClose}
      confirmLoading={back.isPending}
      onOk={() =>
        borrowing &&
        back.mutate(
          { id: borrowing.id, input: { returnedOn: day.format(DAY) } },
          {
            onSuccess: () => {
              void message.success(t(`${P}.returned`));
              onClose();
            },
          },
        )
      }
    >
      <Form layout="vertical">
        <Form.Item label={t(`${P}.returnedOn`)}>
          <DatePicker
            value={day}
            onChange={(d) => d && setDay(d)}
            disabledDate={(d) => d.isAfter(chinaDay(), 'day')}
            data-testid="borrowing-return-date"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
