import { PlusOutlined } from '@ant-design/icons';
import { can, RiskFilingCreateInputSchema, type RiskFiling } from '@ganbu/core';
import { Alert, App, Button, DatePicker, Form, Input, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from '../../lib/china-day.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCreateFiling, useFilings } from './api.ts';
import { RegisterList } from './RegisterList.tsx';

interface Values {
  project: string;
  risks: string;
  measures: string;
  workStartsOn: Dayjs;
}

/** 新增报备: the unit's own reform project, filed today, before the work starts. */
function FilingFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateFiling();
  const shape = RiskFilingCreateInputSchema.shape;
  const onFinish = (v: Values) =>
    create.mutate(
      { ...v, workStartsOn: v.workStartsOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('discipline.filings.created'));
          onClose();
        },
      },
    );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('discipline.filings.create')}
      width={560}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="filing-form-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('discipline.filings.filedOnHint')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ workStartsOn: chinaDay() }}
        preserve={false}
        data-testid="filing-form"
      >
        <Form.Item name="project" label={t('discipline.filings.project')} rules={[zodRule(shape.project)]}>
          <Input maxLength={200} data-testid="filing-form-project" />
        </Form.Item>
        <Form.Item name="risks" label={t('discipline.filings.risks')} rules={[zodRule(shape.risks)]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="filing-form-risks" />
        </Form.Item>
        <Form.Item name="measures" label={t('discipline.filings.measures')} rules={[zodRule(shape.measures)]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="filing-form-measures" />
        </Form.Item>
        <Form.Item
          name="workStartsOn"
          label={t('discipline.filings.workStartsOn')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(chinaDay(), 'day')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 改革创新风险报备: the filings of the user's unit and below. */
export function RiskFilingsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'risk_filing.write');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const filings = useFilings({ q: q || undefined, page, pageSize: 20 });
  const columns: TableColumnsType<RiskFiling> = [
    { title: t('discipline.filings.unit'), dataIndex: 'unitName', width: 120 },
    { title: t('discipline.filings.project'), dataIndex: 'project', width: 200, ellipsis: true },
    { title: t('discipline.filings.risks'), dataIndex: 'risks', ellipsis: true, width: 240 },
    { title: t('discipline.filings.measures'), dataIndex: 'measures', ellipsis: true, width: 200 },
    { title: t('discipline.filings.filedOn'), dataIndex: 'filedOn', width: 110 },
    { title: t('discipline.filings.workStartsOn'), dataIndex: 'workStartsOn', width: 120 },
    { title: t('discipline.filings.filedBy'), dataIndex: 'filedBy', width: 120 },
  ];
  return (
    <PageContainer
      title={t('discipline.filings.title')}
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="filing-create"
          >
            {t('discipline.filings.create')}
          </Button>
        ) : null
      }
    >
      <RegisterList<RiskFiling>
        searchPlaceholder={t('discipline.filings.searchPlaceholder')}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        query={filings}
        columns={columns}
        testId="filing-table"
        page={page}
        pageSize={20}
        onPage={setPage}
      />
      {canWrite ? <FilingFormDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

export default RiskFilingsPage;
