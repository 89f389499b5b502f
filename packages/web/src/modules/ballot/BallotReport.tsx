import { PaperClipOutlined } from '@ant-design/icons';
import type { BallotPage } from '@ganbu/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui.tsx';

type Target = BallotPage['targets'][number];

/** The 述职 report, a few lines with 展开 when it is longer. */
function ReportText({ text }: { text: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);

  if (!text.trim()) {
    return <span className="ballot-secondary ballot-report-empty">{t('ballot.noReport')}</span>;
  }
  return (
    <div className="ballot-report-box">
      <div className="ballot-report-label">{t('ballot.report')}</div>
      <div
        ref={ref}
        className={open ? 'ballot-report' : 'ballot-report is-collapsed'}
        data-testid="ballot-report"
      >
        {text}
      </div>
      {overflows || open ? (
        <Button
          variant="link"
          className="ballot-report-toggle"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="ballot-report-toggle"
        >
          {open ? t('ballot.collapse') : t('ballot.expand')}
        </Button>
      ) : null}
    </div>
  );
}

/** The 述职 file, downloaded with the slip's code (no login). */
function ReportFileLink({ name, onDownload }: { name: string; onDownload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="ballot-report-file">
      <Button
        variant="link"
        icon={<PaperClipOutlined />}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setFailed(false);
          onDownload()
            .catch(() => setFailed(true))
            .finally(() => setBusy(false));
        }}
        data-testid="ballot-report-file"
      >
        {t('ballot.reportFile', { name })}
      </Button>
      {failed ? <span className="ballot-danger">{t('ballot.reportFileFailed')}</span> : null}
    </div>
  );
}

/** A target's 述职: the text (collapsed when long) and the uploaded file, on both slip forms. */
export function TargetReport({
  target,
  onDownload,
}: {
  target: Target;
  onDownload: (targetId: string, name: string) => Promise<void>;
}) {
  return (
    <>
      <ReportText text={target.report} />
      {target.reportFile ? (
        <ReportFileLink
          name={target.reportFile.name}
          onDownload={() => onDownload(target.id, target.reportFile?.name ?? 'report')}
        />
      ) : null}
    </>
  );
}
