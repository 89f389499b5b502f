import {
  ArrowLeftOutlined,
  CalculatorOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { can, formatYuan, PAY_RUN_STATES, type PayRun } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Steps,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { RecommendationCard } from '../survey/needs/RecommendationCard.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { errorMessage } from '../../lib/errors.ts';
import { isApiError } from '../../lib/http.ts';
import { downloadLines, useComputePayRun, useMarkPaid, usePayRun, useSubmitPayRun } from './api.ts';
import { payErrorText, StateTag } from './labels.tsx';
import { ApprovalCard } from './run/ApprovalCard.tsx';
import { LinesTab } from './run/LinesTab.tsx';
import { RunOverview } from './run/RunOverview.tsx';
import { UnitsTab } from './run/UnitsTab.tsx';
import { WhatIfTab } from './run/WhatIfTab.tsx';

type Tab = 'lines' | 'units' | 'approval' | 'whatIf';

/** 提交审批 with an optional comment. */
function SubmitModal({
  run,
  open,
  onClose,
  onSubmitted,
}: {
  run: PayRun;
  open: boolean;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = useSubmitPayRun();
  const error = submit.isError ? payErrorText(submit.error) : null;
  const ok = async () => {
    const { comment } = await form.validateFields();
    submit.mutate(
      { id: run.id, comment: comment?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('pay.run.submitted'));
          form.resetFields();
          onClose();
          onSubmitted();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('pay.run.submitTitle', { name: run.name })}
      onCancel={() => {
        submit.reset();
        onClose();
      }}
      onOk={() => void ok()}
      okText={t('pay.run.submit')}
      okButtonProps={{ loading: submit.isPending, 'data-testid': 'pay-submit-ok' }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('pay.run.submitHint')}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error.title} description={error.detail} /> : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="comment" label={t('cases.commentOptional')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="pay-submit-comment" />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

/**
 * 核算详情: where the run stands (草稿 → 已核算 → 审批中 → 已批准 → 已发放), the actions its state and the
 * caller's permissions allow, the run-level explanation, then the lines (each amount explained), the per-unit
 * summary, the approval case and the what-if comparison.
 */
export function RunPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const me = useCurrentMe();
  const orgs = useOrgs();
  const q = usePayRun(id);
  const compute = useComputePayRun();
  const paid = useMarkPaid();
  const [submitting, setSubmitting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const run = q.data;
  // a run is managed (computed, submitted, paid, compared) where its unit is in the caller's scope: a street
  // reads the district's run that pays its cadres, but only the district manages it
  const manage = can(me.roles, 'pay.manage') && !!run && (orgs.data ?? []).some((o) => o.id === run.orgId);
  // a run in approval opens on its case (the approver arrives from 待办), otherwise on the lines; chosen once,
  // so approving does not move the page away from the case
  const [opening, setOpening] = useState<Tab | null>(null);
  const firstState = run?.state;
  useEffect(() => {
    if (firstState && opening === null) setOpening(firstState === 'submitted' ? 'approval' : 'lines');
  }, [firstState, opening]);
  const tab = (search.get('tab') as Tab | null) ?? opening ?? 'lines';

  // a missing base or statistic is district data: 组织部 completes it on 报酬基数与统计数据
  const tablesMissing =
    isApiError(compute.error) && ['PAY_BASE_MISSING', 'PAY_STATISTIC_MISSING'].includes(compute.error.code);
  const failure = compute.isError
    ? payErrorText(compute.error)
    : paid.isError
      ? payErrorText(paid.error)
      : null;

  const exportXlsx = async (r: PayRun) => {
    setExporting(true);
    try {
      await downloadLines(r.id, r.name);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const actions = run ? (
    <>
      {manage && (run.state === 'draft' || run.state === 'computed') ? (
        <Button
          type={run.state === 'draft' ? 'primary' : 'default'}
          icon={<CalculatorOutlined />}
          loading={compute.isPending}
          onClick={() =>
            compute.mutate(run.id, {
              onSuccess: (r) =>
                void message.success(
                  t('pay.run.computed', { count: r.lineCount, total: formatYuan(r.totalFen ?? 0) }),
                ),
            })
          }
          data-testid="pay-run-compute"
        >
          {run.state === 'draft' ? t('pay.run.compute') : t('pay.run.recompute')}
        </Button>
      ) : null}
      {manage && run.state === 'computed' ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => setSubmitting(true)}
          data-testid="pay-run-submit"
        >
          {t('pay.run.submit')}
        </Button>
      ) : null}
      {manage && run.state === 'approved' ? (
        <Popconfirm
          title={t('pay.run.markPaidConfirm', { name: run.name })}
          onConfirm={() => paid.mutate(run.id, { onSuccess: () => void message.success(t('pay.run.paid')) })}
          okButtonProps={{ 'data-testid': 'pay-run-paid-ok' }}
        >
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            loading={paid.isPending}
            data-testid="pay-run-paid"
          >
            {t('pay.run.markPaid')}
          </Button>
        </Popconfirm>
      ) : null}
      {run.state !== 'draft' ? (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx(run)}
          data-testid="pay-run-export"
        >
          {t('pay.run.export')}
        </Button>
      ) : null}
    </>
  ) : null;

  const tabs = run
    ? [
        ...(run.computedAt !== null
          ? [
              {
                key: 'lines',
                label: <span data-testid="pay-tab-lines">{t('pay.run.tabs.lines')}</span>,
                children: <LinesTab run={run} />,
              },
              {
                key: 'units',
                label: <span data-testid="pay-tab-units">{t('pay.run.tabs.units')}</span>,
                children: <UnitsTab run={run} />,
              },
            ]
          : []),
        {
          key: 'approval',
          label: <span data-testid="pay-tab-approval">{t('pay.run.tabs.approval')}</span>,
          children: <ApprovalCard run={run} />,
        },
        ...(manage && run.computedAt !== null
          ? [
              {
                key: 'whatIf',
                label: <span data-testid="pay-tab-whatif">{t('pay.run.tabs.whatIf')}</span>,
                children: <WhatIfTab run={run} />,
              },
            ]
          : []),
      ]
    : [];

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => void navigate('/pay/runs')}
          />
          <span data-testid="pay-run-name">{run ? run.name : t('pay.run.title')}</span>
          {run ? <StateTag state={run.state} /> : null}
        </Flex>
      }
      extra={actions}
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!run ? (
        q.isError ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap={16} data-testid="pay-run">
          <RecommendationCard orgId={run.orgId} />
          <Card size="small">
            <Steps
              size="small"
              current={PAY_RUN_STATES.indexOf(run.state)}
              status={run.state === 'paid' ? 'finish' : 'process'}
              items={PAY_RUN_STATES.map((s) => ({ title: t(`pay.state.${s}`) }))}
              data-testid="pay-run-steps-bar"
            />
          </Card>
          {failure ? (
            <Alert
              type="error"
              showIcon
              closable={{
                onClose: () => {
                  compute.reset();
                  paid.reset();
                },
              }}
              title={failure.title}
              description={failure.detail}
              action={
                tablesMissing && can(me.roles, 'pay.tables') ? (
                  <Button size="small" onClick={() => void navigate('/pay/tables')}>
                    {t('pay.run.toTables')}
                  </Button>
                ) : undefined
              }
              data-testid="pay-run-error"
            />
          ) : null}
          <RunOverview run={run} />
          <Card size="small">
            <Tabs
              activeKey={tabs.some((i) => i.key === tab) ? tab : tabs[0]?.key}
              onChange={(k) => setSearch({ tab: k }, { replace: true })}
              destroyOnHidden
              items={tabs}
            />
          </Card>
          <SubmitModal
            run={run}
            open={submitting}
            onClose={() => setSubmitting(false)}
            onSubmitted={() => setSearch({ tab: 'approval' }, { replace: true })}
          />
        </Flex>
      )}
    </PageContainer>
  );
}

export default RunPage;
