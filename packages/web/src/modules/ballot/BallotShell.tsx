import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './ballot.css';

/**
 * The public ballot's frame: a red band with the title, the content column below, no app chrome. Bigger
 * type and touch targets than the officers' screens (ui.css): raters use their phones.
 */
export function BallotShell({
  children,
  footer,
  title,
}: {
  children: ReactNode;
  footer?: ReactNode;
  /** the band's title when not the ballot's (the needs survey's form) */
  title?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="ballot-page" data-testid="ballot-page">
        <header className="ballot-header">
          <span className="ballot-header-mark">{t('common.appShort').slice(0, 1)}</span>
          <span className="ballot-header-title">{title ?? t('ballot.title')}</span>
          <span className="ballot-header-note">{t('ballot.anonymous')}</span>
        </header>
        <main className={footer ? 'ballot-main ballot-main-with-footer' : 'ballot-main'}>{children}</main>
        {footer ? (
          <footer className="ballot-footer">
            <div className="ballot-footer-inner">{footer}</div>
          </footer>
        ) : null}
      </div>
    </>
  );
}
