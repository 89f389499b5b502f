import { DownloadOutlined } from '@ant-design/icons';
import { XlsxImportErrorSchema, type PayTableImportResult, type XlsxImportError } from '@ganbu/core';
import { Alert, App, Button, Flex, Modal, Spin, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importErrorsOf } from '../../../hooks/api/cadre-import.ts';
import { saveBlob } from '../../../lib/save-blob.ts';
import { ImportDropZone, ImportErrors } from '../../cadres/import/ImportParts.tsx';
import { failureText } from '../../cadres/import/failure-text.ts';
import { useImportPayTables, usePayTablesReport } from './api.ts';

const isXlsx = (f: File) => /\.xlsx$/i.test(f.name);

/**
 * 导入 Excel: the filled template into the chosen year, all or nothing. A refusal lists every wrong cell
 * (sheet, row, column, problem) and offers the workbook with those cells marked.
 */
export function ImportModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const importTables = useImportPayTables();
  const report = usePayTablesReport();
  const errors = importErrorsOf(XlsxImportErrorSchema, importTables.error);

  const close = () => {
    importTables.reset();
    setFile(null);
    onClose();
  };
  const done = (r: PayTableImportResult) => {
    const parts = r.replaced
      .map((p) => t('pay.tables.import.part', { kind: t(`pay.tables.kinds.${p.kind}`), count: p.count }))
      .join('，');
    void message.success(t('pay.tables.import.success', { parts }));
    close();
  };

  const columns: TableColumnsType<XlsxImportError & { key: number }> = [
    { title: t('pay.tables.import.sheet'), dataIndex: 'sheet', width: 150 },
    { title: t('pay.tables.import.row'), dataIndex: 'row', width: 60, render: (v: number) => v || '—' },
    { title: t('pay.tables.import.column'), dataIndex: 'column', width: 200 },
    { title: t('pay.tables.import.message'), dataIndex: 'message' },
  ];

  return (
    <Modal
      open={open}
      title={t('pay.tables.import.title', { year })}
      onCancel={close}
      footer={null}
      width={860}
      destroyOnHidden
    >
      <Flex vertical gap={16} data-testid="pay-import">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('pay.tables.import.intro')}
        </Typography.Paragraph>
        <ImportDropZone
          testId="pay-import-upload"
          accept=".xlsx"
          multiple={false}
          disabled={importTables.isPending}
          beforeUpload={(f) => {
            if (!isXlsx(f)) {
              void message.error(t('pay.tables.import.onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            importTables.reset();
            importTables.mutate({ file: f, year }, { onSuccess: done });
            return false;
          }}
          text={t('pay.tables.import.drag')}
          hint={t('pay.tables.import.dragHint')}
        />
        {importTables.isPending && file ? (
          <Flex gap={8} align="center">
            <Spin size="small" />
            <Typography.Text>{t('pay.tables.import.checking', { name: file.name })}</Typography.Text>
          </Flex>
        ) : null}
        {importTables.isError && errors.length > 0 ? (
          <ImportErrors
            errors={errors}
            columns={columns}
            title={t('pay.tables.import.errorsTitle', { count: errors.length })}
            description={t('pay.tables.import.errorsHint')}
            action={
              <Button
                icon={<DownloadOutlined />}
                loading={report.isPending}
                onClick={() =>
                  file &&
                  report.mutate(file, {
                    onSuccess: (blob) => saveBlob(blob, t('pay.tables.import.reportFilename')),
                  })
                }
                data-testid="pay-import-report"
              >
                {t('pay.tables.import.downloadReport')}
              </Button>
            }
          />
        ) : null}
        {importTables.isError && errors.length === 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('pay.tables.import.failed')}
            description={failureText(importTables.error)}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
