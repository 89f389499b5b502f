import { PrinterOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../lib/save-blob.ts';
import './survey-slips.css';

/** A QR code as an SVG data URL (as the ballot slips draw theirs). */
function qrDataUrl(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (modules.get(r, c)) d += `M${c + 2} ${r + 2}h1v1h-1z`;
  const dim = n + 4;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" shape-rendering="crispEdges">` +
    `<rect width="${dim}" height="${dim}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * A batch of survey slips (调查票), shown once after issuing: printed 12 to an A4 page (QR code of
 * `/ballot#CODE`, the code, the survey and unit, how to answer), or saved as a CSV code list for Excel.
 * Nothing records which slip goes to whom.
 */
export function SurveySlips({
  open,
  title,
  unitName,
  codes,
  onClose,
}: {
  open: boolean;
  title: string;
  unitName: string;
  codes: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const base = `${window.location.origin}/ballot`;
  const slips = useMemo(
    () => codes.map((code) => ({ code, qr: qrDataUrl(`${base}#${code}`) })),
    [codes, base],
  );
  const csv = () => {
    const rows = [t('survey.needs.slips.csvHeader'), ...codes.map((c, i) => `${i + 1},${c},${base}#${c}`)];
    saveBlob(
      new Blob([`\ufeff${rows.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }),
      `${t('survey.needs.slips.fileName', { title, unit: unitName })}.csv`,
    );
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={760}
      title={t('survey.needs.slips.title', { count: codes.length, unit: unitName })}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button icon={<DownloadOutlined />} onClick={csv} data-testid="survey-slips-csv">
            {t('survey.needs.slips.csv')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('survey.needs.slips.print')}
          </Button>
        </Flex>
      }
    >
      <Alert type="warning" showIcon title={t('survey.needs.slips.onceHint')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">{t('survey.needs.slips.anonymity')}</Typography.Paragraph>
      <div className="survey-slips" data-testid="survey-slips">
        {slips.map((s) => (
          <div className="survey-slip" key={s.code}>
            <img src={s.qr} alt="" className="survey-slip-qr" />
            <div className="survey-slip-text">
              <div className="survey-slip-title">{title}</div>
              <div className="survey-slip-unit">{unitName}</div>
              <div className="survey-slip-code" data-testid="survey-slip-code">
                {s.code}
              </div>
              <div className="survey-slip-how">{t('survey.needs.slips.how')}</div>
            </div>
          </div>
        ))}
      </div>
    </Modal>
  );
}
