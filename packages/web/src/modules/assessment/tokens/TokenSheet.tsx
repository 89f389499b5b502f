import { CloseOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import QRCode from 'qrcode';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../lib/save-blob.ts';
import { slipsDocx } from './slips-docx.ts';
import './token-sheet.css';

export interface TokenSheetProps {
  roundName: string;
  groupName: string;
  unitName?: string;
  /** the batch's codes, XXXX-XXXX-XXXX, shown once after issuing */
  codes: string[];
  /** where the QR codes lead (the code follows after `#`); default `${location.origin}/ballot` */
  ballotBaseUrl?: string;
  /** a 关闭 button in the toolbar (e.g. window.close for a print tab) */
  onClose?: () => void;
}

/** Slips per A4 page: 3 columns × 4 rows. */
export const SLIPS_PER_PAGE = 12;

/** A QR code as an SVG data URL (sharp at any print size; the CSP allows data: images). */
export function qrDataUrl(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 2;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n;) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < n && modules.get(r, c + run)) run++;
      d += `M${c + quiet} ${r + quiet}h${run}v1h-${run}z`;
      c += run;
    }
  }
  const dim = n + 2 * quiet;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" width="${dim * 4}" height="${dim * 4}" shape-rendering="crispEdges">` +
    `<rect width="${dim}" height="${dim}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A batch of ballot slips (评议票) to print on A4: 12 slips a page with dashed cut lines, each with
 * the QR code of `${ballotBaseUrl}#${code}`, the short code, the round, group and unit, and how to vote.
 * The toolbar is hidden in print.
 */
export function TokenSheet({
  roundName,
  groupName,
  unitName,
  codes,
  ballotBaseUrl,
  onClose,
}: TokenSheetProps) {
  const { t } = useTranslation();
  const base = ballotBaseUrl ?? `${window.location.origin}/ballot`;
  const slips = useMemo(
    () => codes.map((code) => ({ code, qr: qrDataUrl(`${base}#${code}`) })),
    [codes, base],
  );
  const pages = chunk(slips, SLIPS_PER_PAGE);
  const { message } = App.useApp();
  const [building, setBuilding] = useState(false);

  const downloadDocx = async () => {
    setBuilding(true);
    try {
      const blob = await slipsDocx({ roundName, groupName, unitName, codes, ballotBase: base }, t);
      saveBlob(blob, `${t('tokenSheet.docTitle', { round: roundName, group: groupName })}.docx`);
    } catch {
      void message.error(t('tokenSheet.docxFailed'));
    } finally {
      setBuilding(false);
    }
  };

  return (
    <div className="token-sheet-root" data-testid="token-sheet">
      <div className="token-sheet-toolbar">
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {t('tokenSheet.title')} · {roundName} · {groupName}
            {unitName ? ` · ${unitName}` : ''}
          </Typography.Text>
          <div className="token-sheet-toolbar-note">
            {t('tokenSheet.summary', { count: codes.length, pages: pages.length, perPage: SLIPS_PER_PAGE })}
          </div>
          <div className="token-sheet-toolbar-warn">{t('tokenSheet.onceHint')}</div>
        </div>
        <Flex gap={8} style={{ flex: 'none' }}>
          {onClose ? (
            <Button icon={<CloseOutlined />} onClick={onClose} data-testid="token-sheet-close">
              {t('tokenSheet.close')}
            </Button>
          ) : null}
          <Button
            icon={<FileWordOutlined />}
            loading={building}
            onClick={() => void downloadDocx()}
            data-testid="token-sheet-docx"
          >
            {t('tokenSheet.docx')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="token-sheet-print"
          >
            {t('tokenSheet.print')}
          </Button>
        </Flex>
      </div>
      {pages.map((pageSlips, p) => (
        <section className="token-sheet-page" key={p} data-testid="token-sheet-page">
          <div className="token-sheet-page-head">
            {t('tokenSheet.pageHeader', {
              round: roundName,
              group: groupName,
              page: p + 1,
              pages: pages.length,
            })}
            {unitName ? ` · ${unitName}` : ''}
          </div>
          <div className="token-sheet-grid">
            {pageSlips.map(({ code, qr }) => (
              <div className="token-slip" key={code} data-testid="token-slip">
                <div className="token-slip-title">{t('tokenSheet.slipTitle')}</div>
                <div className="token-slip-round">{roundName}</div>
                <div className="token-slip-line">{t('tokenSheet.group', { group: groupName })}</div>
                {unitName ? (
                  <div className="token-slip-line">{t('tokenSheet.unit', { unit: unitName })}</div>
                ) : null}
                <img
                  className="token-slip-qr"
                  src={qr}
                  alt={t('tokenSheet.qrAlt', { code })}
                  data-testid="token-slip-qr"
                />
                <div className="token-slip-code" data-testid="token-slip-code">
                  {code}
                </div>
                <div className="token-slip-instr">
                  {t('tokenSheet.instr1')}
                  <span className="token-slip-url">{base}</span>
                  {t('tokenSheet.instr2')}
                </div>
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
