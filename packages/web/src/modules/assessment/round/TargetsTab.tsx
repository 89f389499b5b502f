import { REPORT_FILE_MAX_BYTES, type Round, type RoundTarget } from '@ganbu/core';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  reportFilePath,
  useReportFile,
  useRoundTargets,
  useSaveReport,
} from '../../../hooks/api/assessment.ts';
import { assessmentErrorText } from '../assessment-error.ts';

const REPORT_MAX = 20000;
const FILE_ACCEPT =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The 述职 file beside the text: the current one (download), upload or replace, remove. */
function ReportFileField({ round, target }: { round: Round; target: RoundTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { upload, remove } = useReportFile();
  const file = target.reportFile;
  const error = upload.error ?? remove.error;
  return (
    <div style={{ marginTop: 16 }} data-testid="report-file-field">
      <Typography.Text strong>{t('assessment.targets.reportFile')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('assessment.targets.reportFileHint')}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={assessmentErrorText(t, error)} style={{ marginBottom: 8 }} />
      ) : null}
      <Flex gap={8} align="center" wrap>
        {file ? (
          <a href={reportFilePath(round.id, target.id)} download data-testid="report-file-link">
            <PaperClipOutlined /> {file.name}（{formatSize(file.size)}）
          </a>
        ) : (
          <Typography.Text type="secondary">{t('assessment.targets.reportFileNone')}</Typography.Text>
        )}
        <Upload
          accept={FILE_ACCEPT}
          showUploadList={false}
          beforeUpload={(f) => {
            if (f.size > REPORT_FILE_MAX_BYTES) {
              void message.error(t('assessment.targets.reportFileTooLarge'));
              return Upload.LIST_IGNORE;
            }
            remove.reset();
            upload.mutate(
              { roundId: round.id, targetId: target.id, file: f },
              { onSuccess: () => void message.success(t('assessment.targets.reportFileSaved')) },
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="report-file-upload">
            {file ? t('assessment.targets.reportFileReplace') : t('assessment.targets.reportFileUpload')}
          </Button>
        </Upload>
        {file ? (
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            onClick={() => {
              upload.reset();
              remove.mutate({ roundId: round.id, targetId: target.id });
            }}
            data-testid="report-file-remove"
          >
            {t('assessment.targets.reportFileRemove')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

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
          title={assessmentErrorText(t, save.error)}
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
      <ReportFileField round={round} target={target} />
    </Modal>
  );
}

/** 考核对象: the round's targets (within the reader's scope) and their 述职 reports. */
export function TargetsTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const targets = useRoundTargets(round.id);
  const [editingId, setEditingId] = useState<string | null>(null);
  // read from the list each render, so an upload's new file shows in the open dialog
  const editing = targets.data?.find((x) => x.id === editingId) ?? null;
  const editable =
    (round.state === 'draft' || round.state === 'open') &&
    (round.manageable || me.roles.some((r) => r === 'orgdept' || r === 'unit_admin'));

  const reportTag = (x: RoundTarget) =>
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
    );

  const columns: ColumnsType<RoundTarget> = [
    { key: 'index', title: t('assessment.targets.index'), width: 64, render: (_, _r, i) => i + 1 },
    { key: 'name', title: t('assessment.targets.name'), width: 120, render: (_, x) => x.name },
    { key: 'post', title: t('assessment.targets.post'), render: (_, x) => x.post || '—' },
    { key: 'unit', title: t('assessment.targets.unit'), width: 220, render: (_, x) => x.unitName },
    {
      key: 'report',
      title: t('assessment.targets.report'),
      width: 180,
      render: (_, x) => (
        <Flex gap={4} wrap>
          {reportTag(x)}
          {x.reportFile ? (
            <Tag icon={<PaperClipOutlined />} color="blue" data-testid={`target-report-file-${x.id}`}>
              {t('assessment.targets.reportFileTag')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, x: RoundTarget) => (
              <Button
                size="small"
                onClick={() => setEditingId(x.id)}
                data-testid={`target-edit-report-${x.id}`}
              >
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
        dataSource={targets.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="targets-table"
      />
      {editing ? (
        <ReportModal round={round} target={editing} open={!!editing} onClose={() => setEditingId(null)} />
      ) : null}
    </>
  );
}
