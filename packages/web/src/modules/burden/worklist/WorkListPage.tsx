import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  can,
  WorkListItemSchema,
  WorkListImportResultSchema,
  WorkListSchema,
  type WorkListImportResult,
  type WorkListItem,
  type WorkListItemInput,
} from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { api, http, isApiError } from '../../../lib/http.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import { downloadXlsx } from '../staffing/api.ts';
import { XlsxImportModal } from '../XlsxImportModal.tsx';

const P = 'burden.worklist';
const KEY = ['burden-worklist'] as const;

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** 导入 Excel of the work list: the shared burden import dialog bound to the work list's routes. */
function WorkListImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const importing = useMutation({
    mutationFn: (file: File) =>
      api.postForm(WorkListImportResultSchema, '/api/burden/worklist/import', formOf(file)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const report = useMutation({
    mutationFn: (file: File) => http.postFormForBlob('/api/burden/worklist/import/report', formOf(file)),
  });
  return (
    <XlsxImportModal<WorkListImportResult>
      open={open}
      onClose={onClose}
      title={t(`${P}.importTitle`)}
      successText={(r) => t(`${P}.importSuccess`, { count: r.imported, unfunded: r.unfunded })}
      reportFilename={t(`${P}.reportFilename`)}
      importing={importing}
      report={report}
    />
  );
}

/**
 * 村(社区)工作事务清单: the items departments hand down to streets, villages and communities in scope, unfunded
 * first and flagged; the add drawer shows a refusal (属地管理) with the server's reason.
 */
export default function WorkListPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'burden.manage');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [unfundedOnly, setUnfundedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const query = { orgId, unfunded: unfundedOnly ? 'true' : undefined };
  const list = useQuery({
    queryKey: [...KEY, query, page],
    queryFn: () => api.get(WorkListSchema, '/api/burden/worklist', { ...query, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<WorkListItem> = [
    { title: t(`${P}.year`), dataIndex: 'year', width: 70 },
    { title: t(`${P}.unit`), dataIndex: 'orgName', width: 140 },
    { title: t(`${P}.organiser`), dataIndex: 'organiserName', width: 140 },
    { title: t(`${P}.name`), dataIndex: 'name', width: 200 },
    { title: t(`${P}.mode`), dataIndex: 'modeName', width: 150, render: (v: string | null) => v ?? '—' },
    {
      title: t(`${P}.amount`),
      dataIndex: 'amountText',
      width: 120,
      align: 'right',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t(`${P}.funding`),
      key: 'funding',
      width: 100,
      render: (_: unknown, i) => (
        <Tag color={i.unfunded ? 'red' : 'green'} title={i.explanation} data-testid={`worklist-flag-${i.id}`}>
          {t(i.unfunded ? `${P}.unfunded` : `${P}.funded`)}
        </Tag>
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
              void downloadXlsx('/api/burden/worklist/export.xlsx', query, '村(社区)工作事务清单.xlsx')
            }
          >
            {t(`${P}.export`)}
          </Button>
          {canManage ? (
            <>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() =>
                  void downloadXlsx(
                    '/api/burden/worklist/template.xlsx',
                    {},
                    '村(社区)工作事务清单导入模板.xlsx',
                  )
                }
                data-testid="worklist-template"
              >
                {t(`${P}.template`)}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="worklist-import-open"
              >
                {t(`${P}.import`)}
              </Button>
            </>
          ) : null}
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="worklist-create"
            >
              {t(`${P}.create`)}
            </Button>
          ) : null}
        </Space>
      }
    >
      {list.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={list.data.explanation} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <div style={{ width: 260 }}>
            <UnitPicker
              value={orgId}
              onChange={(v) => {
                setOrgId(v);
                setPage(1);
              }}
              testId="worklist-org"
              placeholder={t(`${P}.unit`)}
            />
          </div>
          <Checkbox
            checked={unfundedOnly}
            onChange={(e) => {
              setUnfundedOnly(e.target.checked);
              setPage(1);
            }}
            data-testid="worklist-unfunded"
          >
            {t(`${P}.unfundedOnly`)}
          </Checkbox>
          {list.data?.unfunded ? (
            <Tag color="red">{t(`${P}.unfundedCount`, { count: list.data.unfunded })}</Tag>
          ) : null}
        </Flex>
      </Card>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<WorkListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="worklist-table"
          expandable={{
            expandedRowRender: (i) => `${i.basis ? `${t(`${P}.basis`)}：${i.basis}。` : ''}${i.explanation}`,
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      {canManage ? (
        <CreateDrawer
          open={creating}
          modes={list.data?.policy?.modes ?? []}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {canManage ? <WorkListImportModal open={importing} onClose={() => setImporting(false)} /> : null}
    </PageContainer>
  );
}

interface Values {
  orgId?: string;
  organiserName: string;
  year: number;
  name: string;
  basis: string;
  modeId?: string;
  amountYuan?: number | null;
  contract: string;
  localManagement: boolean;
}

function CreateDrawer({
  open,
  modes,
  onClose,
}: {
  open: boolean;
  modes: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (input: WorkListItemInput) => api.post(WorkListItemSchema, '/api/burden/worklist', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
    meta: { inlineError: true },
  });
  const err = save.error;
  const reason =
    err && isApiError(err)
      ? ((err.details as { explanation?: string } | undefined)?.explanation ?? err.message)
      : null;
  const required = [{ required: true, whitespace: true, message: t(`${P}.required`) }];
  return (
    <FormDrawer
      open={open}
      onClose={() => {
        save.reset();
        onClose();
      }}
      title={t(`${P}.create`)}
      width={520}
      saving={save.isPending}
      onSave={() => form.submit()}
      saveTestId="worklist-form-submit"
    >
      {err ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(err)}
          description={reason}
          data-testid="worklist-refusal"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: chinaDay().year(), basis: '', contract: '', localManagement: false }}
        onValuesChange={() => save.reset()}
        onFinish={(v) =>
          save.mutate(
            {
              orgId: v.orgId ?? '',
              organiserName: v.organiserName,
              year: v.year,
              name: v.name,
              basis: v.basis ?? '',
              modeId: v.modeId ?? null,
              amountFen:
                v.amountYuan === undefined || v.amountYuan === null ? null : Math.round(v.amountYuan * 100),
              contract: v.contract ?? '',
              localManagement: v.localManagement,
            },
            {
              onSuccess: () => {
                void message.success(t(`${P}.saved`));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="orgId"
          label={t(`${P}.unit`)}
          rules={[{ required: true, message: t(`${P}.required`) }]}
        >
          <UnitPicker testId="worklist-form-unit" placeholder={t(`${P}.unit`)} />
        </Form.Item>
        <Form.Item name="organiserName" label={t(`${P}.organiser`)} rules={required}>
          <Input maxLength={100} data-testid="worklist-form-organiser" />
        </Form.Item>
        <Form.Item name="year" label={t(`${P}.year`)} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label={t(`${P}.name`)} rules={required}>
          <Input maxLength={200} data-testid="worklist-form-name" />
        </Form.Item>
        <Form.Item name="basis" label={t(`${P}.basis`)}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="modeId" label={t(`${P}.mode`)}>
          <Select
            allowClear
            placeholder={t(`${P}.noMode`)}
            options={modes.map((m) => ({ value: m.id, label: m.name }))}
            data-testid="worklist-form-mode"
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t(`${P}.amount`)}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="worklist-form-amount" />
        </Form.Item>
        <Form.Item name="contract" label={t(`${P}.contract`)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="localManagement" label={t(`${P}.localManagement`)} valuePropName="checked">
          <Switch data-testid="worklist-form-local" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
