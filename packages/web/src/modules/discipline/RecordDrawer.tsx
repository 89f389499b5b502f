import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DisciplineRecord } from '@ganbu/core';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  List,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { downloadAttachment, useAttachments, useRevokeRecord, useUploadAttachment } from './api.ts';
import { OUTCOME_COLOR, RecordStateTag, useKindLabel } from './vocab.tsx';

/** One record: its facts, the tolerance decisions about it, its attachments; revoke for writers. */
export function RecordDrawer({
  record,
  canWrite,
  onClose,
}: {
  record: DisciplineRecord | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const mobile = useIsMobile();
  const label = useKindLabel();
  const attachments = useAttachments(record?.id ?? null);
  const upload = useUploadAttachment();
  const revoke = useRevokeRecord();
  const [reason, setReason] = useState('');

  const confirmRevoke = (r: DisciplineRecord) =>
    modal.confirm({
      title: t('discipline.records.revokeTitle'),
      content: (
        <Input.TextArea
          rows={3}
          placeholder={t('discipline.records.revokeReason')}
          onChange={(e) => setReason(e.target.value)}
        />
      ),
      onOk: () =>
        revoke
          .mutateAsync({ id: r.id, reason })
          .then(() => {
            void message.success(t('discipline.records.revokeDone'));
            onClose();
          })
          .catch(() => undefined),
    });

  return (
    <Drawer
      open={record !== null}
      onClose={onClose}
      size={mobile ? '100%' : 560}
      title={t('discipline.records.detail')}
      extra={
        record && canWrite && !record.revokedOn ? (
          <Button danger onClick={() => confirmRevoke(record)}>
            {t('discipline.records.revoke')}
          </Button>
        ) : null
      }
    >
      {record ? (
        <Flex vertical gap={16} data-testid="record-detail">
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={t('discipline.records.cadre')}>
              {record.cadreName}（{record.unitName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.kind')}>
              {label(record.kind, record.grade)}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.decidedOn')}>
              {record.decidedOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.decidedBy')}>
              {record.decidedBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.documentNo')}>
              {record.documentNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.facts')}>{record.facts}</Descriptions.Item>
            <Descriptions.Item label={t('discipline.records.state')}>
              <Space>
                <RecordStateTag record={record} />
                {record.revokedReason ? (
                  <Typography.Text type="secondary">{record.revokedReason}</Typography.Text>
                ) : null}
              </Space>
            </Descriptions.Item>
            {record.decisions.length > 0 ? (
              <Descriptions.Item label={t('discipline.records.decisions')}>
                {record.decisions.map((d) => (
                  <Tag key={d.toleranceCaseId} color={OUTCOME_COLOR[d.outcome]}>
                    {t('discipline.records.decisionLine', {
                      outcome: t(`discipline.outcome.${d.outcome}`),
                      date: d.decidedOn,
                      no: d.documentNo,
                    })}
                  </Tag>
                ))}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('discipline.records.attachments')}
            </Typography.Title>
            {canWrite ? (
              <Upload
                accept=".pdf,.jpg,.jpeg,.png"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(
                    { id: record.id, file },
                    { onSuccess: () => void message.success(t('discipline.records.uploaded')) },
                  );
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="record-upload">
                  {t('discipline.records.upload')}
                </Button>
              </Upload>
            ) : null}
          </Flex>
          {(attachments.data ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discipline.records.noAttachments')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={attachments.data}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button
                      key="download"
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void downloadAttachment(record.id, a)}
                    >
                      {t('discipline.records.download')}
                    </Button>,
                  ]}
                >
                  {a.name}（{Math.ceil(a.size / 1024)} KB，{a.uploadedAt}）
                </List.Item>
              )}
            />
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
