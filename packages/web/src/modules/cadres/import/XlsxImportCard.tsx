import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Progress, Radio, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XlsxImportErrorSchema } from '@ganbu/core';
import { saveBlob } from '../../../lib/save-blob.ts';
import {
  IMPORT_TEMPLATE_URL,
  importErrorsOf,
  useImportReport,
  useImportXlsx,
  type ImportMode,
  type XlsxImportError,
} from '../../../hooks/api/cadre-import.ts';
import { ImportDropZone, ImportErrors, ImportFailed, ImportSuccess } from './ImportParts.tsx';
import { failureText } from './failure-text.ts';

const isXlsx = (f: File) => /\.xlsx$/i.test(f.name);

/** Excel 导入: template, mode, upload with progress, then the result or every error by cell. */
export function XlsxImportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<ImportMode>('create');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const importXlsx = useImportXlsx();
  const report = useImportReport();
  const errors = importErrorsOf(XlsxImportErrorSchema, importXlsx.error);

  const start = (f: File) => {
    setFile(f);
    setProgress(0);
    importXlsx.reset();
    importXlsx.mutate({ file: f, mode, onProgress: setProgress });
  };

  const downloadReport = () => {
    if (!file) return;
    // a refusal (the file changed, the session ended, the server is down) must show, not vanish
    report.mutate(
      { file, mode },
      {
        onSuccess: (blob) => saveBlob(blob, t('cadreImport.reportFilename')),
        onError: (err) => void message.error(failureText(err)),
      },
    );
  };

  const again = () => {
    importXlsx.reset();
    setFile(null);
  };

  if (importXlsx.isSuccess) {
    return (
      <ImportSuccess
        title={t('cadreImport.successTitle', { count: importXlsx.data.imported.length })}
        onAgain={again}
      />
    );
  }

  const columns: TableColumnsType<XlsxImportError & { key: number }> = [
    { title: t('cadreImport.sheet'), dataIndex: 'sheet', width: 120 },
    {
      title: t('cadreImport.row'),
      dataIndex: 'row',
      width: 70,
      render: (v: number) => v || t('common.empty'),
    },
    { title: t('cadreImport.column'), dataIndex: 'column', width: 140 },
    { title: t('cadreImport.errorMessage'), dataIndex: 'message' },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('cadreImport.xlsxIntro')}
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item>
          <Button icon={<FileExcelOutlined />} href={IMPORT_TEMPLATE_URL} data-testid="import-template">
            {t('cadreImport.downloadTemplate')}
          </Button>
        </Form.Item>
        <Form.Item
          label={t('cadreImport.mode')}
          extra={mode === 'create' ? t('cadreImport.modeCreateHint') : t('cadreImport.modeUpdateHint')}
        >
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            disabled={importXlsx.isPending}
            optionType="button"
            options={[
              { value: 'create', label: t('cadreImport.modeCreate') },
              { value: 'update', label: t('cadreImport.modeUpdate') },
            ]}
            data-testid="import-mode"
          />
        </Form.Item>
      </Form>
      <ImportDropZone
        testId="import-xlsx-upload"
        accept=".xlsx"
        multiple={false}
        disabled={importXlsx.isPending}
        beforeUpload={(f) => {
          if (!isXlsx(f)) {
            void message.error(t('cadreImport.onlyXlsx'));
            return Upload.LIST_IGNORE;
          }
          start(f);
          // Sent by the mutation (XHR with progress), not by Upload itself.
          return false;
        }}
        text={t('cadreImport.dragXlsx')}
        hint={t('cadreImport.dragXlsxHint')}
      />
      {importXlsx.isPending && file ? (
        <div data-testid="import-progress">
          <Typography.Text>
            {progress < 100 ? t('cadreImport.uploading', { name: file.name }) : t('cadreImport.checking')}
          </Typography.Text>
          <Progress percent={progress} status="active" />
        </div>
      ) : null}
      {importXlsx.isError && errors.length > 0 ? (
        <ImportErrors
          errors={errors}
          columns={columns}
          title={t('cadreImport.errorsTitle', { count: errors.length })}
          description={t('cadreImport.errorsHint')}
          action={
            <Flex vertical gap={8} align="end">
              <Button
                icon={<DownloadOutlined />}
                loading={report.isPending}
                onClick={downloadReport}
                data-testid="import-report"
              >
                {t('cadreImport.downloadReport')}
              </Button>
              {report.isError ? (
                <Typography.Text type="danger" data-testid="import-report-error">
                  {t('cadreImport.reportFailed', { reason: failureText(report.error) })}
                </Typography.Text>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      {importXlsx.isError && errors.length === 0 ? <ImportFailed error={importXlsx.error} /> : null}
    </Flex>
  );
}
