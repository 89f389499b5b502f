import { DownloadOutlined } from '@ant-design/icons';
import { XlsxImportErrorSchema, type XlsxImportError } from '@ganbu/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Spin, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { registersZhCN } from './registers/i18n.zh-CN.ts';
import { importErrorsOf } from '../../hooks/api/cadre-import.ts';
import { saveBlob } from '../../lib/save-blob.ts';
import { ImportDropZone, ImportErrors } from '../cadres/import/ImportParts.tsx';
import { failureText } from '../cadres/import/failure-text.ts';

const isXlsx = (f: File) => /\.xlsx$/i.test(f.name);

/**
 * 导入 Excel of one of the burden module's sheets (a register, the work list): all or nothing. A refusal
 * lists every wrong cell (sheet, row, column, problem) and offers the workbook with those cells marked.
 * The caller gives the title, the success line and the two mutations (import, check report) of one file.
 */
export function XlsxImportModal<R>({
  open,
  onClose,
  title,
  successText,
  reportFilename,
  importing,
  report,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  successText: (result: R) => string;
  reportFilename: string;
  importing: UseMutationResult<R, Error, File>;
  report: UseMutationResult<Blob, Error, File>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const errors = importErrorsOf(XlsxImportErrorSchema, importing.error);
  const k = (key: keyof typeof registersZhCN.importModal, o?: Record<string, unknown>) =>
    t(`burden.registers.importModal.${key}`, o ?? {});

  const close = () => {
    importing.reset();
    setFile(null);
    onClose();
  };
  const done = (r: R) => {
    void message.success(successText(r));
    close();
  };

  const columns: TableColumnsType<XlsxImportError & { key: number }> = [
    { title: k('sheet'), dataIndex: 'sheet', width: 150 },
    { title: k('row'), dataIndex: 'row', width: 60, render: (v: number) => v || '—' },
    { title: k('column'), dataIndex: 'column', width: 160 },
    { title: k('message'), dataIndex: 'message' },
  ];

  return (
    <Modal open={open} title={title} onCancel={close} footer={null} width={860} destroyOnHidden>
      <Flex vertical gap={16} data-testid="burden-import">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {k('intro')}
        </Typography.Paragraph>
        <ImportDropZone
          testId="burden-import-upload"
          accept=".xlsx"
          multiple={false}
          disabled={importing.isPending}
          beforeUpload={(f) => {
            if (!isXlsx(f)) {
              void message.error(k('onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            importing.reset();
            importing.mutate(f, { onSuccess: done });
            return false;
          }}
          text={k('drag')}
          hint={k('dragHint')}
        />
        {importing.isPending && file ? (
          <Flex gap={8} align="center">
            <Spin size="small" />
            <Typography.Text>{k('checking', { name: file.name })}</Typography.Text>
          </Flex>
        ) : null}
        {importing.isError && errors.length > 0 ? (
          <ImportErrors
            errors={errors}
            columns={columns}
            title={k('errorsTitle', { count: errors.length })}
            description={k('errorsHint')}
            action={
              <Button
                icon={<DownloadOutlined />}
                loading={report.isPending}
                onClick={() =>
                  file && report.mutate(file, { onSuccess: (blob) => saveBlob(blob, reportFilename) })
                }
                data-testid="burden-import-report"
              >
                {k('downloadReport')}
              </Button>
            }
          />
        ) : null}
        {importing.isError && errors.length === 0 ? (
          <Alert type="error" showIcon title={k('failed')} description={failureText(importing.error)} />
        ) : null}
      </Flex>
    </Modal>
  );
}
