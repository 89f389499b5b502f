import { PlusOutlined } from '@ant-design/icons';
import {
  can,
  TALK_FORMS,
  type CareCoverageRow,
  type Talk,
  type TalkLeader,
  type TalkPlanRow,
  type TalkRequest,
  type TalkRequestState,
} from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import {
  useAnswerRequest,
  useCreateLeader,
  useRecordTalks,
  useTalkContent,
  useTalkCoverage,
  useTalkLeaders,
  useTalkPlan,
  useTalkRequests,
  useTalks,
  useUpdateLeader,
} from './api.ts';
import { RequestStateTag } from './common.tsx';

const TABS = ['plan', 'records', 'requests', 'leaders'] as const;
type Tab = (typeof TABS)[number];

/**
 * 谈心谈话与约谈 (R-CARE-4/5): the year's plan from the pack with coverage per unit, the talks held (content
 * opened only by the talker and the organisation department), the two-way appointments (the leader answers
 * the ones addressed to them), and the leaders with their linked units (kept by the organisation department).
 */
export default function TalksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'plan';
  const [year, setYear] = useState(() => chinaDay().year());
  return (
    <PageContainer
      title={t('care.talks.title')}
      extra={
        <Space>
          {t('care.talks.year')}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="talks-year"
          />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={TABS.map((k) => ({
          key: k,
          label: t(`care.talks.tabs.${k}`),
          children:
            k === 'plan' ? (
              <PlanTab year={year} />
            ) : k === 'records' ? (
              <RecordsTab year={year} />
            ) : k === 'requests' ? (
              <RequestsTab />
            ) : (
              <LeadersTab />
            ),
        }))}
      />
    </PageContainer>
  );
}

function PlanTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const coverage = useTalkCoverage(year);
  const plan = useTalkPlan({ year, open, page, pageSize });
  const covColumns: TableColumnsType<CareCoverageRow> = [
    { title: t('care.talks.unit'), dataIndex: 'orgName' },
    { title: t('care.talks.planned'), dataIndex: 'planned', width: 90, align: 'right' },
    { title: t('care.talks.done'), dataIndex: 'done', width: 90, align: 'right' },
    {
      title: t('care.talks.rate'),
      dataIndex: 'rate',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
  ];
  const planColumns: TableColumnsType<TalkPlanRow> = [
    {
      title: t('care.talks.leader'),
      key: 'leader',
      width: 200,
      render: (_: unknown, r) => `${r.leaderTitle} ${r.leaderName}`,
    },
    { title: t('care.talks.talkee'), dataIndex: 'cadreName', width: 100 },
    { title: t('care.talks.unit'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t('care.talks.post'), dataIndex: 'postTitle', width: 140, ellipsis: true },
    {
      title: t('care.talks.done'),
      key: 'held',
      width: 110,
      render: (_: unknown, r) =>
        r.held >= r.times ? (
          <Tag color="green">{t('care.talks.complete')}</Tag>
        ) : (
          <Tag color="orange">{t('care.talks.held', { held: r.held, times: r.times })}</Tag>
        ),
    },
    {
      title: t('care.talks.rule'),
      dataIndex: 'explanation',
      render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
  ];
  return (
    <Flex vertical gap={16}>
      {coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : null}
      <Card size="small" title={t('care.talks.coverage')}>
        {coverage.data ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={coverage.data.explanation} />
        ) : null}
        <Table<CareCoverageRow>
          rowKey={(r) => r.orgId ?? 'own'}
          size="small"
          loading={coverage.isPending}
          columns={covColumns}
          dataSource={coverage.data?.rows}
          pagination={false}
          scroll={{ y: 320 }}
          data-testid="talk-coverage"
          summary={() =>
            coverage.data ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('care.talks.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {coverage.data.total.planned}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {coverage.data.total.done}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {coverage.data.total.rate === null ? '—' : `${coverage.data.total.rate}%`}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
      <Card
        size="small"
        title={t('care.talks.tabs.plan')}
        extra={
          <Space>
            {t('care.talks.onlyOpen')}
            <Switch
              size="small"
              checked={open}
              onChange={(v) => {
                setOpen(v);
                setPage(1);
              }}
            />
          </Space>
        }
      >
        {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
        {plan.data ? (
          <Typography.Paragraph type="secondary">{plan.data.explanation}</Typography.Paragraph>
        ) : null}
        <Table<TalkPlanRow>
          rowKey={(r) => `${r.ruleId}:${r.leaderId}:${r.cadreId}`}
          size="small"
          loading={plan.isFetching}
          columns={planColumns}
          dataSource={plan.data?.items}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize,
            total: plan.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          data-testid="talk-plan"
        />
      </Card>
    </Flex>
  );
}

function RecordsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'talk.write');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState(false);
  const [viewing, setViewing] = useState<Talk | null>(null);
  const talks = useTalks({ year, page, pageSize });
  const columns: TableColumnsType<Talk> = [
    { title: t('care.talks.heldOn'), dataIndex: 'heldOn', width: 120 },
    {
      title: t('care.talks.leader'),
      key: 'leader',
      width: 220,
      render: (_: unknown, r) => `${r.leaderTitle} ${r.leaderName}`,
    },
    { title: t('care.talks.talkee'), dataIndex: 'cadreName', width: 110 },
    { title: t('care.talks.unit'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('care.talks.form'),
      dataIndex: 'form',
      width: 110,
      render: (v: Talk['form']) => t(`care.talks.forms.${v}`),
    },
    {
      title: t('care.talks.content'),
      key: 'content',
      width: 200,
      render: (_: unknown, r) =>
        r.contentVisible ? (
          <Button type="link" size="small" onClick={() => setViewing(r)} data-testid={`talk-content-${r.id}`}>
            {t('care.talks.viewContent')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('care.talks.restricted')}</Typography.Text>
        ),
    },
  ];
  return (
    <Card
      size="small"
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="talk-record"
          >
            {t('care.talks.record')}
          </Button>
        ) : null
      }
    >
      {talks.isError ? <QueryError error={talks.error} onRetry={() => void talks.refetch()} /> : null}
      <Table<Talk>
        rowKey="id"
        size="small"
        loading={talks.isFetching}
        columns={columns}
        dataSource={talks.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: talks.data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        data-testid="talk-records"
      />
      <RecordDrawer open={recording} onClose={() => setRecording(false)} />
      <ContentModal talk={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}

function ContentModal({ talk, onClose }: { talk: Talk | null; onClose: () => void }) {
  const { t } = useTranslation();
  const content = useTalkContent(talk?.id ?? null);
  return (
    <Modal
      open={talk !== null}
      onCancel={onClose}
      footer={null}
      title={
        talk
          ? t('care.talks.contentTitle', {
              leader: talk.leaderName,
              cadre: talk.cadreName,
              date: talk.heldOn,
            })
          : ''
      }
    >
      {content.isError ? <QueryError error={content.error} /> : null}
      {content.data ? (
        <Flex vertical gap={8} data-testid="talk-content">
          <Typography.Text strong>{t('care.talks.topics')}</Typography.Text>
          <Typography.Paragraph>{content.data.topics}</Typography.Paragraph>
          <Typography.Text strong>{t('care.talks.notes')}</Typography.Text>
          <Typography.Paragraph>{content.data.notes || '—'}</Typography.Paragraph>
        </Flex>
      ) : null}
    </Modal>
  );
}

interface RecordForm {
  leaderId: string;
  cadreIds: string[];
  heldOn: Dayjs;
  form: Talk['form'];
  topics: string;
  notes?: string;
}

function RecordDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const [form] = Form.useForm<RecordForm>();
  const leaders = useTalkLeaders();
  const record = useRecordTalks();
  const mine = (leaders.data ?? []).filter(
    (l) => l.active && (me.roles.includes('orgdept') || l.userId === me.id),
  );
  const save = async () => {
    const v = await form.validateFields();
    await record
      .mutateAsync({
        leaderId: v.leaderId,
        cadreIds: v.cadreIds,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        form: v.form,
        topics: v.topics,
        notes: v.notes ?? '',
      })
      .then(() => {
        void message.success(t('care.talks.recorded'));
        onClose();
      })
      .catch(() => undefined);
  };
  const required = [{ required: true, message: t('care.talks.required') }];
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('care.talks.record')}
      width={560}
      saving={record.isPending}
      onSave={() => void save()}
      saveTestId="talk-record-save"
    >
      <Form<RecordForm>
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: chinaDay(),
          form: 'individual',
          leaderId: mine.length === 1 ? mine[0]?.id : undefined,
        }}
      >
        <Form.Item name="leaderId" label={t('care.talks.leader')} rules={required}>
          <Select
            options={mine.map((l) => ({ value: l.id, label: `${l.title} ${l.name}` }))}
            data-testid="talk-record-leader"
          />
        </Form.Item>
        <Form.Item name="cadreIds" label={t('care.talks.talkees')} rules={required}>
          <CadrePicker multiple testId="talk-record-cadres" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('care.talks.heldOn')} rules={required}>
          <DatePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
        <Form.Item name="form" label={t('care.talks.form')}>
          <Radio.Group options={TALK_FORMS.map((f) => ({ value: f, label: t(`care.talks.forms.${f}`) }))} />
        </Form.Item>
        <Form.Item name="topics" label={t('care.talks.topics')} rules={required}>
          <Input maxLength={500} data-testid="talk-record-topics" />
        </Form.Item>
        <Form.Item name="notes" label={t('care.talks.notes')} extra={t('care.talks.restricted')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function RequestsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const requests = useTalkRequests();
  const answer = useAnswerRequest();
  const leaders = useTalkLeaders();
  const myLeaderIds = new Set((leaders.data ?? []).filter((l) => l.userId === me.id).map((l) => l.id));
  const [answering, setAnswering] = useState<TalkRequest | null>(null);
  const [text, setText] = useState('');
  const columns: TableColumnsType<TalkRequest> = [
    { title: t('care.talks.requests.requestedOn'), dataIndex: 'requestedOn', width: 110 },
    { title: t('care.talks.requests.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('care.talks.unit'), dataIndex: 'orgName', width: 160, ellipsis: true },
    {
      title: t('care.talks.leader'),
      key: 'leader',
      width: 180,
      render: (_: unknown, r) => `${r.leaderTitle} ${r.leaderName}`,
    },
    { title: t('care.talks.requests.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('care.talks.requests.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('care.talks.requests.state'),
      dataIndex: 'state',
      width: 110,
      render: (v: TalkRequestState) => <RequestStateTag state={v} />,
    },
    { title: t('care.talks.requests.answer'), dataIndex: 'answer', ellipsis: true },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r) =>
        (r.state === 'waiting' || r.state === 'overdue') && myLeaderIds.has(r.leaderId) ? (
          <Button
            type="link"
            size="small"
            onClick={() => {
              setText('');
              setAnswering(r);
            }}
            data-testid={`talk-answer-${r.id}`}
          >
            {t('care.talks.requests.answerAction')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card size="small">
      {requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      <Table<TalkRequest>
        rowKey="id"
        size="small"
        loading={requests.isPending}
        columns={columns}
        dataSource={requests.data}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('care.talks.requests.none') }}
        expandable={{
          expandedRowRender: (r) => <Typography.Text type="secondary">{r.explanation}</Typography.Text>,
        }}
        data-testid="talk-requests"
      />
      <Modal
        open={answering !== null}
        onCancel={() => setAnswering(null)}
        title={answering ? t('care.talks.requests.answerTitle', { cadre: answering.cadreName }) : ''}
        okButtonProps={{ disabled: !text.trim(), loading: answer.isPending, id: 'talk-answer-save' }}
        onOk={() =>
          answering &&
          void answer
            .mutateAsync({ id: answering.id, answer: text.trim() })
            .then(() => {
              void message.success(t('care.talks.requests.answered'));
              setAnswering(null);
            })
            .catch(() => undefined)
        }
      >
        {answering ? (
          <Flex vertical gap={8}>
            <Typography.Text>{answering.reason}</Typography.Text>
            <Typography.Text type="secondary">{answering.explanation}</Typography.Text>
            <Input.TextArea
              rows={4}
              value={text}
              maxLength={2000}
              placeholder={t('care.talks.requests.answerHint')}
              onChange={(e) => setText(e.target.value)}
              data-testid="talk-answer-text"
            />
          </Flex>
        ) : null}
      </Modal>
    </Card>
  );
}

interface LeaderForm {
  name: string;
  title: string;
  kind: TalkLeader['kind'];
  userId?: string;
  orgIds: string[];
}

function LeadersTab() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'care.manage');
  const leaders = useTalkLeaders();
  const update = useUpdateLeader();
  const [editing, setEditing] = useState<TalkLeader | 'new' | null>(null);
  const columns: TableColumnsType<TalkLeader> = [
    { title: t('care.talks.leaders.name'), dataIndex: 'name', width: 100 },
    { title: t('care.talks.leaders.title'), dataIndex: 'title', width: 200 },
    {
      title: t('care.talks.leaders.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (v: TalkLeader['kind']) => (
        <Tag color={v === 'principal' ? 'red' : 'blue'}>{t(`care.talks.leaders.kinds.${v}`)}</Tag>
      ),
    },
    {
      title: t('care.talks.leaders.links'),
      key: 'links',
      render: (_: unknown, l) => (
        <Flex wrap gap={4}>
          {l.links.map((k) => (
            <Tag key={k.orgId}>{k.orgName}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('care.talks.leaders.account'),
      key: 'account',
      width: 200,
      render: (_: unknown, l) =>
        l.userName ?? <Typography.Text type="secondary">{t('care.talks.leaders.noAccount')}</Typography.Text>,
    },
    {
      title: t('care.talks.leaders.active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) =>
        v ? (
          <Tag color="green">{t('care.talks.leaders.active')}</Tag>
        ) : (
          <Tag>{t('care.talks.leaders.inactive')}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, l: TalkLeader) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(l)}>
                  {t('care.talks.leaders.edit')}
                </Button>
                {l.active ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() =>
                      void update.mutateAsync({ id: l.id, input: { active: false } }).catch(() => undefined)
                    }
                  >
                    {t('care.talks.leaders.deactivate')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="talk-leader-add"
          >
            {t('care.talks.leaders.add')}
          </Button>
        ) : null
      }
    >
      {leaders.isError ? <QueryError error={leaders.error} onRetry={() => void leaders.refetch()} /> : null}
      <Table<TalkLeader>
        rowKey="id"
        size="small"
        loading={leaders.isPending}
        columns={columns}
        dataSource={leaders.data}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="talk-leaders"
      />
      {editing ? (
        <LeaderDrawer leader={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}

function LeaderDrawer({ leader, onClose }: { leader: TalkLeader | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaderForm>();
  const create = useCreateLeader();
  const update = useUpdateLeader();
  const orgs = useOrgs();
  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  const required = [{ required: true, message: t('care.talks.required') }];
  const save = async () => {
    const v = await form.validateFields();
    const input = { name: v.name, title: v.title, kind: v.kind, orgIds: v.orgIds ?? [] };
    await (leader ? update.mutateAsync({ id: leader.id, input }) : create.mutateAsync(input))
      .then(() => {
        void message.success(t('care.talks.leaders.saved'));
        onClose();
      })
      .catch(() => undefined);
  };
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={leader ? t('care.talks.leaders.edit') : t('care.talks.leaders.add')}
      width={520}
      saving={create.isPending || update.isPending}
      onSave={() => void save()}
      saveTestId="talk-leader-save"
    >
      <Form<LeaderForm>
        form={form}
        layout="vertical"
        initialValues={
          leader
            ? {
                name: leader.name,
                title: leader.title,
                kind: leader.kind,
                orgIds: leader.links.map((k) => k.orgId),
              }
            : { kind: 'linked', orgIds: [] }
        }
      >
        <Form.Item name="name" label={t('care.talks.leaders.name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="title" label={t('care.talks.leaders.title')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('care.talks.leaders.kind')}>
          <Radio.Group
            options={(['principal', 'linked'] as const).map((k) => ({
              value: k,
              label: t(`care.talks.leaders.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgIds" label={t('care.talks.leaders.links')}>
          <TreeSelect
            multiple
            treeData={treeData}
            loading={orgs.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            listHeight={360}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
