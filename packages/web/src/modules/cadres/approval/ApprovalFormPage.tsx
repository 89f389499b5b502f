import { ArrowLeftOutlined, ExportOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { canRevealCadre } from '../../../app/menu.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCadre } from '../../../hooks/api/cadres.ts';
import { isApiError } from '../../../lib/http.ts';
import { ApprovalSheets } from './ApprovalSheets.tsx';
import './approval-form.css';

const cadreUrl = (id: string, suffix: string) => `/api/cadres/${encodeURIComponent(id)}/${suffix}`;

/**
 * 干部任免审批表 to print: the record in clear (an audited read) laid out as the two-page A4 form,
 * with a toolbar (hidden in print) to print, download the Word form or export .lrmx.
 */
export function ApprovalFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const allowed = canRevealCadre(me, id);
  const cadre = useCadre(id, true, allowed);
  // Ages are computed at the day the form is opened, as the Word form does.
  const [asOf] = useState(() => dayjs().format('YYYY-MM-DD'));
  const name = cadre.data?.name;

  // The document title is the default file name of "Save as PDF".
  useEffect(() => {
    if (!name) return;
    const before = document.title;
    document.title = t('approvalForm.docTitle', { name });
    return () => {
      document.title = before;
    };
  }, [name, t]);

  const back = () => {
    if ((window.history.state as { idx?: number } | null)?.idx) void navigate(-1);
    else void navigate(`/cadres/${id}`);
  };

  if (!allowed || (isApiError(cadre.error) && [403, 404].includes(cadre.error.status))) {
    return (
      <Result
        status={allowed ? '404' : '403'}
        title={allowed ? t('cadre.notFound') : '403'}
        subTitle={allowed ? undefined : t('approvalForm.noPermission')}
        extra={<Button onClick={() => void navigate('/cadres')}>{t('cadre.backToRoster')}</Button>}
      />
    );
  }

  return (
    <div className="approval-root">
      <div className="approval-toolbar">
        <Flex align="center" gap={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="approval-back">
            {t('common.back')}
          </Button>
          <Typography.Text strong>
            {t('approvalForm.title')}
            {name ? ` · ${name}` : ''}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approvalForm.printHint')}
          </Typography.Text>
          <Button href={cadreUrl(id, 'lrmx')} icon={<ExportOutlined />} data-testid="approval-lrmx">
            {t('approvalForm.lrmx')}
          </Button>
          <Button
            href={cadreUrl(id, 'approval-form.docx')}
            icon={<FileWordOutlined />}
            data-testid="approval-docx"
          >
            {t('approvalForm.docx')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!cadre.data}
            onClick={() => window.print()}
            data-testid="approval-print"
          >
            {t('approvalForm.print')}
          </Button>
        </Flex>
      </div>
      {cadre.isError ? (
        <div style={{ maxWidth: 800, margin: '0 auto' }}>
          <QueryError error={cadre.error} onRetry={() => void cadre.refetch()} />
        </div>
      ) : null}
      {cadre.data ? (
        <div data-testid="approval-form">
          <ApprovalSheets cadre={cadre.data} asOf={asOf} />
        </div>
      ) : cadre.isError ? null : (
        <div className="approval-sheet">
          <Skeleton active paragraph={{ rows: 16 }} />
        </div>
      )}
    </div>
  );
}

export default ApprovalFormPage;
