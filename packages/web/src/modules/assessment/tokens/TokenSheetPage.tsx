import { Button, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TokenSheet, type TokenSheetProps } from './TokenSheet.tsx';

/** Where the round page leaves a freshly issued batch for this print tab; removed once read. */
export const TOKEN_SHEET_KEY = 'ganbu.tokenSheet';

const BatchSchema = z.object({
  roundName: z.string(),
  groupName: z.string(),
  unitName: z.string().nullish(),
  codes: z.array(z.string().min(1)).min(1),
  ballotBaseUrl: z.string().nullish(),
});

function readBatch(): TokenSheetProps | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_SHEET_KEY);
    if (!raw) return null;
    const parsed = BatchSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { unitName, ballotBaseUrl, ...rest } = parsed.data;
    return { ...rest, unitName: unitName ?? undefined, ballotBaseUrl: ballotBaseUrl ?? undefined };
  } catch {
    return null;
  }
}

/**
 * 评议票打印 (/assessment/tokens/print): the batch the round page put into sessionStorage, printed
 * as slips. The codes are shown once: the stored batch is removed as soon as the sheet is rendered,
 * so a reload (or anyone later at this computer) finds nothing.
 */
export function TokenSheetPage() {
  const { t } = useTranslation();
  const [batch] = useState(readBatch);

  useEffect(() => {
    try {
      sessionStorage.removeItem(TOKEN_SHEET_KEY);
    } catch {
      // storage unavailable: nothing was kept
    }
  }, []);

  // The document title is the default file name of "Save as PDF".
  useEffect(() => {
    if (!batch) return;
    const before = document.title;
    document.title = t('tokenSheet.docTitle', { round: batch.roundName, group: batch.groupName });
    return () => {
      document.title = before;
    };
  }, [batch, t]);

  if (!batch) {
    return (
      <div data-testid="token-sheet-empty" style={{ padding: '48px 16px' }}>
        <Result
          status="info"
          title={t('tokenSheet.emptyTitle')}
          subTitle={t('tokenSheet.emptySubtitle')}
          extra={[
            <Button key="close" onClick={() => window.close()}>
              {t('tokenSheet.close')}
            </Button>,
            <Button key="home" type="primary" href="/">
              {t('common.backHome')}
            </Button>,
          ]}
        />
      </div>
    );
  }
  return <TokenSheet {...batch} onClose={() => window.close()} />;
}

export default TokenSheetPage;
