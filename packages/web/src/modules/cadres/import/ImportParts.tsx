import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Table, Upload, type TableColumnsType, type UploadProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { failureText } from './failure-text.ts';

/** The parts the Excel and the 任免审批表 import cards share: success, drop zone, errors, failure. */

/** Imported: back to the roster, or import again; `children` lists what was imported. */
export function ImportSuccess({
  title,
  onAgain,
  children,
}: {
  title: string;
  onAgain: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    // antd Result does not pass data-* attributes on, hence the wrapper.
    <div data-testid="import-success">
      <Result
        status="success"
        title={title}
        subTitle={t('cadreImport.successSub')}
        extra={[
          <Button key="roster" type="primary" onClick={() => void navigate('/cadres')}>
            {t('cadreImport.backToRoster')}
          </Button>,
          <Button key="again" onClick={onAgain}>
            {t('cadreImport.importAgain')}
          </Button>,
        ]}
      >
        {children}
      </Result>
    </div>
  );
}

/** The drop zone; the files are sent by the card (XHR with progress), never by Upload itself. */
export function ImportDropZone({
  testId,
  text,
  hint,
  ...upload
}: Pick<UploadProps, 'accept' | 'multiple' | 'fileList' | 'disabled' | 'onRemove' | 'beforeUpload'> & {
  testId: string;
  text: string;
  hint: string;
}) {
  return (
    <div data-testid={testId}>
      <Upload.Dragger showUploadList={upload.fileList !== undefined} {...upload}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{text}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
    </div>
  );
}

/** Every problem of a refused import: an alert (with the card's action) above a table of them. */
export function ImportErrors<E extends object>({
  errors,
  columns,
  title,
  description,
  action,
}: {
  errors: readonly E[];
  columns: TableColumnsType<E & { key: number }>;
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={title}
        description={description}
        action={action}
        data-testid="import-errors-alert"
      />
      <Table
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={errors.map((e, key) => ({ ...e, key }))}
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="import-errors"
      />
    </>
  );
}

/** An import that failed as a whole (too large, not a workbook, network …). */
export function ImportFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('cadreImport.failed')}
      description={failureText(error)}
      data-testid="import-failed"
    />
  );
}
