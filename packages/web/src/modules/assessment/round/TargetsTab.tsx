import type { Round, RoundTarget } from '@ganbu/core';
import { Alert, App, Button, Form, Input, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useRoundTargets, useSaveReport } from '../../../hooks/api/assessment.ts';
import { assessmentErrorText } from '../assessment-error.ts';

const REPORT_MAX = 20000;

/** 述职报告 of one target, while the round is a draft or open. */
function ReportModal({
  round,
  target,
  open,
  onClose,
}: {
  round: Round;
  target: RoundTarget;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ report: string }>();
  const save = useSaveReport();
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('assessment.targets.reportTitle', { name: target.name })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'report-save' }}
      width={720}
      destroyOnHidden
    >
      {save.isError ? (
        <Alert
          type="error"
          showIcon
          message={assessmentErrorText(t, save.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ report: target.report }}
        onFinish={({ report }) =>
          save.mutate(
            { roundId: round.id, targetId: target.id, report: report ?? '' },
            {
              onSuccess: () => {
                void message.success(t('assessment.targets.reportSaved'));
                close();
              },
            },
          )
        }
      >
        <Form.Item
          name="report"
          rules={[{ max: REPORT_MAX, message: t('assessment.validation.reportTooLong') }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 10, maxRows: 22 }}
            showCount
            maxLength={REPORT_MAX}
            placeholder={t('assessment.targets.reportPlaceholder')}
            data-testid="report-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 考核对象: the round's targets (within the reader's scope) and their 述职 reports. */
export function TargetsTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const targets = useRoundTargets(round.id);
  const [editing, setEditing] = useState<RoundTarget | null>(null);
  const editable =
    (round.state === 'draft' || round.state === 'open') &&
    (round.manageable || me.roles.some((r) => r === 'orgdept' || r === 'unit_admin'));

  const columns: ColumnsType<RoundTarget> = [
    { key: 'index', title: t('assessment.targets.index'), width: 64, render: (_, _r, i) => i + 1 },
    { key: 'name', title: t('assessment.targets.name'), width: 120, render: (_, x) => x.name },
    { key: 'post', title: t('assessment.targets.post'), render: (_, x) => x.post || '—' },
    { key: 'unit', title: t('assessment.targets.unit'), width: 220, render: (_, x) => x.unitName },
    {
      key: 'report',
      title: t('assessment.targets.report'),
      width: 180,
      render: (_, x) =>
        x.report ? (
          <Tooltip
            title={<span style={{ whiteSpace: 'pre-wrap' }}>{x.report.slice(0, 400)}</span>}
            placement="topLeft"
          >
            <Tag color="green" data-testid={`target-report-${x.id}`}>
              {t('assessment.targets.reportChars', { count: x.report.length })}
            </Tag>
          </Tooltip>
        ) : (
          <Tag data-testid={`target-report-${x.id}`}>{t('assessment.targets.reportNone')}</Tag>
        ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, x: RoundTarget) => (
              <Button size="small" onClick={() => setEditing(x)} data-testid={`target-edit-report-${x.id}`}>
                {t('assessment.targets.editReport')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {targets.isError ? <QueryError error={targets.error} onRetry={() => void targets.refetch()} /> : null}
      {!editable && round.state !== 'draft' && round.state !== 'open' ? (
        <Typography.Paragraph type="secondary">{t('assessment.targets.reportLocked')}</Typography.Paragraph>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={targets.isPending}
        columns={columns}
        dataSource={targets.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="targets-table"
      />
      {editing ? (
        <ReportModal round={round} target={editing} open={!!editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
