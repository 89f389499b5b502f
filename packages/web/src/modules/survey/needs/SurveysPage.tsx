import { PlusOutlined } from '@ant-design/icons';
import { can, type Survey } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import { useCloseSurvey, useCreateSurvey, useIssueCodes, useSurveys } from './api.ts';
import { SurveySlips } from './SurveySlips.tsx';

const DAY = 'YYYY-MM-DD';

export function SurveyStateTag({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  return (
    <Tag color={survey.state === 'open' ? 'green' : 'default'} data-testid={`survey-state-${survey.id}`}>
      {t(`survey.needs.state.${survey.state}`)}
    </Tag>
  );
}

/**
 * 需求调查 (精准激励, R-NEED-1): the surveys in scope with their codes and answers (counts only); 组织部 opens a
 * survey under the pack in force, issues one-time codes per unit (printed slips, shown once), and closes it.
 */
export default function SurveysPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'survey.manage');
  const list = useSurveys();
  const close = useCloseSurvey();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<Survey | null>(null);
  const [slips, setSlips] = useState<{ title: string; unitName: string; codes: string[] } | null>(null);

  const columns: TableColumnsType<Survey> = [
    {
      title: t('survey.needs.titleCol'),
      dataIndex: 'title',
      render: (v: string, s) => (
        <Link to={`/surveys/${s.id}`} data-testid={`survey-link-${s.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('survey.needs.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('survey.needs.period'),
      key: 'period',
      width: 210,
      render: (_: unknown, s) => `${s.opensOn} ~ ${s.closesOn}`,
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 90,
      render: (_: unknown, s) => <SurveyStateTag survey={s} />,
    },
    {
      title: t('survey.needs.codes'),
      key: 'codes',
      width: 200,
      render: (_: unknown, s) => t('survey.needs.codeCounts', s.codes),
    },
    {
      title: t('survey.needs.answers'),
      key: 'answers',
      width: 140,
      render: (_: unknown, s) =>
        t('survey.needs.answerCount', { answers: s.answers, population: s.population }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, s) => (
        <Space size={4}>
          <Link to={`/surveys/${s.id}`}>{t('survey.needs.view')}</Link>
          {canManage && s.state === 'open' ? (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => setIssuing(s)}
                data-testid={`survey-issue-${s.id}`}
              >
                {t('survey.needs.issue')}
              </Button>
              <Popconfirm
                title={t('survey.needs.closeConfirm')}
                onConfirm={() =>
                  close.mutate(s.id, { onSuccess: () => void message.success(t('survey.needs.closed')) })
                }
              >
                <Button type="link" size="small" danger data-testid={`survey-close-${s.id}`}>
                  {t('survey.needs.close')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('survey.needs.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            disabled={!list.data?.offered}
            data-testid="survey-create"
          >
            {t('survey.needs.create')}
          </Button>
        ) : null
      }
    >
      {list.data && !list.data.offered ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('survey.needs.notOffered', { pack: list.data.packName })}
        />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('survey.needs.intro')} />
      )}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<Survey>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="survey-table"
        />
      </Card>
      {canManage ? <CreateDrawer open={creating} onClose={() => setCreating(false)} /> : null}
      {canManage && issuing ? (
        <IssueDrawer
          survey={issuing}
          onClose={() => setIssuing(null)}
          onIssued={(unitName, codes) => {
            setSlips({ title: issuing.title, unitName, codes });
            setIssuing(null);
          }}
        />
      ) : null}
      <SurveySlips
        open={!!slips}
        title={slips?.title ?? ''}
        unitName={slips?.unitName ?? ''}
        codes={slips?.codes ?? []}
        onClose={() => setSlips(null)}
      />
    </PageContainer>
  );
}

interface CreateValues {
  title: string;
  orgId?: string;
  opensOn: Dayjs;
  closesOn: Dayjs;
  withOvertime: boolean;
}

function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateSurvey();
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('survey.needs.create')}
      width={520}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="survey-form-submit"
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ opensOn: chinaDay(), closesOn: chinaDay().add(14, 'day'), withOvertime: true }}
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title,
              orgId: v.orgId ?? '',
              opensOn: v.opensOn.format(DAY),
              closesOn: v.closesOn.format(DAY),
              withOvertime: v.withOvertime,
            },
            {
              onSuccess: () => {
                void message.success(t('survey.needs.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('survey.needs.titleCol')}
          rules={[{ required: true, whitespace: true, message: t('survey.needs.titleRequired') }]}
        >
          <Input maxLength={100} data-testid="survey-form-title" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('survey.needs.org')}
          extra={t('survey.needs.orgHint')}
          rules={[{ required: true, message: t('survey.needs.orgRequired') }]}
        >
          <UnitPicker testId="survey-form-org" placeholder={t('survey.needs.orgPlaceholder')} />
        </Form.Item>
        <Form.Item name="opensOn" label={t('survey.needs.opensOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closesOn" label={t('survey.needs.closesOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="survey-form-closes" />
        </Form.Item>
        <Form.Item
          name="withOvertime"
          label={t('survey.needs.withOvertime')}
          valuePropName="checked"
          extra={t('survey.needs.withOvertimeHint')}
        >
          <Switch data-testid="survey-form-overtime" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function IssueDrawer({
  survey,
  onClose,
  onIssued,
}: {
  survey: Survey;
  onClose: () => void;
  onIssued: (unitName: string, codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orgId?: string; count?: number | null }>();
  const issue = useIssueCodes();
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t('survey.needs.issueTitle', { title: survey.title })}
      width={480}
      saving={issue.isPending}
      onSave={() => form.submit()}
      saveTestId="survey-issue-submit"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: survey.orgId }}
        onFinish={(v) =>
          issue.mutate(
            {
              id: survey.id,
              input: { orgId: v.orgId ?? survey.orgId, ...(v.count ? { count: v.count } : {}) },
            },
            { onSuccess: (r) => onIssued(r.orgName, r.codes) },
          )
        }
      >
        <Form.Item name="orgId" label={t('survey.needs.issueUnit')} rules={[{ required: true }]}>
          <UnitPicker testId="survey-issue-org" placeholder={t('survey.needs.orgPlaceholder')} />
        </Form.Item>
        <Form.Item name="count" label={t('survey.needs.issueCount')} extra={t('survey.needs.issueCountHint')}>
          <InputNumber min={1} max={5000} style={{ width: '100%' }} data-testid="survey-issue-count" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
