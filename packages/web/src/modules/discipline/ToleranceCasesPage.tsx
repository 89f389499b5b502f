import { PlusOutlined } from '@ant-design/icons';
import { can, ToleranceCaseCreateInputSchema, type ToleranceCase } from '@ganbu/core';
import { App, Button, DatePicker, Form, Input, Segmented, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
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
import { useCadreRecords, useCases, useCreateCase, useFilings } from './api.ts';
import { RegisterList } from './RegisterList.tsx';
import { OUTCOME_COLOR, useKindLabel } from './vocab.tsx';

type AppliedBy = 'cadre' | 'unit' | 'ex_officio';
interface Values {
  cadreId?: string;
  appliedBy: AppliedBy;
  factsOn: Dayjs;
  facts: string;
  recordIds?: string[];
  riskFilingId?: string;
}

/** 容错申请: the cadre, how it is applied for, the matter, the records it concerns, a risk filing. */
function ApplyDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const officer = can(me.roles, 'discipline.write');
  const [form] = Form.useForm<Values>();
  const cadreId = Form.useWatch('cadreId', form);
  const records = useCadreRecords(cadreId, officer);
  const filings = useFilings({ pageSize: 200 }, can(me.roles, 'risk_filing.read'));
  const label = useKindLabel();
  const create = useCreateCase();
  const shape = ToleranceCaseCreateInputSchema.shape;
  const onFinish = (v: Values) =>
    create.mutate(
      {
        cadreId: v.cadreId ?? '',
        appliedBy: v.appliedBy,
        factsOn: v.factsOn.format('YYYY-MM-DD'),
        facts: v.facts,
        recordIds: v.recordIds ?? [],
        riskFilingId: v.riskFilingId,
      },
      {
        onSuccess: (c) => {
          void message.success(t('discipline.tolerance.applied'));
          onClose();
          void navigate(`/discipline/tolerance/${c.id}`);
        },
      },
    );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('discipline.tolerance.apply')}
      width={560}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="case-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ appliedBy: officer ? 'ex_officio' : 'unit', factsOn: chinaDay() }}
        data-testid="case-form"
      >
        <Form.Item name="cadreId" label={t('discipline.tolerance.cadre')} rules={[{ required: true }]}>
          <CadrePicker testId="case-form-cadre" />
        </Form.Item>
        <Form.Item name="appliedBy" label={t('discipline.tolerance.appliedBy')}>
          <Select
            options={(['unit', 'ex_officio'] as const).map((v) => ({
              value: v,
              label: t(`discipline.appliedBy.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="factsOn" label={t('discipline.tolerance.factsOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
        <Form.Item name="facts" label={t('discipline.tolerance.facts')} rules={[zodRule(shape.facts)]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="case-form-facts" />
        </Form.Item>
        {officer ? (
          <Form.Item name="recordIds" label={t('discipline.tolerance.records')}>
            <Select
              mode="multiple"
              disabled={!cadreId}
              options={(cadreId ? (records.data?.items ?? []) : []).map((r) => ({
                value: r.id,
                label: `${label(r.kind, r.grade)} ${r.decidedOn}`,
              }))}
              data-testid="case-form-records"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="riskFilingId" label={t('discipline.tolerance.riskFiling')}>
          <Select
            allowClear
            options={(filings.data?.items ?? []).map((f) => ({
              value: f.id,
              label: `${f.project}（${f.unitName}，${f.filedOn}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

type Which = 'open' | 'decided' | 'all';

/** 容错纠错: cases in scope (组织部, 纪检联络) or the applications one made (a unit). */
export function ToleranceCasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [which, setWhich] = useState<Which>('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [applying, setApplying] = useState(false);
  const cases = useCases({
    state: which === 'all' ? undefined : which,
    q: q || undefined,
    page,
    pageSize: 20,
  });
  const columns: TableColumnsType<ToleranceCase> = [
    { title: t('discipline.tolerance.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('discipline.tolerance.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    {
      title: t('discipline.tolerance.appliedBy'),
      key: 'appliedBy',
      width: 110,
      render: (_: unknown, c) => t(`discipline.appliedBy.${c.appliedBy}`),
    },
    { title: t('discipline.tolerance.appliedOn'), dataIndex: 'appliedOn', width: 110 },
    { title: t('discipline.tolerance.facts'), dataIndex: 'facts', ellipsis: true, width: 320 },
    {
      title: t('discipline.tolerance.state'),
      key: 'state',
      width: 150,
      render: (_: unknown, c) =>
        c.outcome ? (
          <Tag color={OUTCOME_COLOR[c.outcome]}>
            {t(`discipline.outcome.${c.outcome}`)} {c.decidedOn}
          </Tag>
        ) : (
          <Tag color="processing">
            {c.investigatedOn
              ? t('discipline.tolerance.decision')
              : t('discipline.tolerance.notInvestigated')}
          </Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, c) => (
        <Button
          type="link"
          size="small"
          onClick={() => void navigate(`/discipline/tolerance/${c.id}`)}
          data-testid={`case-open-${c.id}`}
        >
          {t('discipline.tolerance.detail')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('discipline.tolerance.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setApplying(true)}
          data-testid="case-create"
        >
          {t('discipline.tolerance.apply')}
        </Button>
      }
    >
      <RegisterList<ToleranceCase>
        filters={
          <Segmented<Which>
            value={which}
            onChange={(v) => {
              setWhich(v);
              setPage(1);
            }}
            options={[
              { value: 'open', label: t('discipline.tolerance.open') },
              { value: 'decided', label: t('discipline.tolerance.decided') },
              { value: 'all', label: t('discipline.tolerance.all') },
            ]}
          />
        }
        searchPlaceholder={t('discipline.tolerance.searchPlaceholder')}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        query={cases}
        columns={columns}
        testId="case-table"
        page={page}
        pageSize={20}
        onPage={setPage}
      />
      <ApplyDrawer open={applying} onClose={() => setApplying(false)} />
    </PageContainer>
  );
}

export default ToleranceCasesPage;
