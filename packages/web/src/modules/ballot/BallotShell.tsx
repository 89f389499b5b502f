import { ConfigProvider, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './ballot.css';

/** Bigger type and touch targets than the officers' screens: raters use their phones. */
const phoneTheme: ThemeConfig = {
  token: { fontSize: 16, controlHeight: 44, controlHeightLG: 48, fontSizeLG: 18 },
  // a blue focus ring, so the box being typed in never looks like one with an error (red)
  components: {
    Input: {
      activeBorderColor: '#1677ff',
      hoverBorderColor: '#4096ff',
      activeShadow: '0 0 0 2px rgba(5, 145, 255, 0.1)',
    },
  },
};

/** The public ballot's frame: a red band with the title, the content column below, no app chrome. */
export function BallotShell({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ConfigProvider theme={phoneTheme}>
      <div className="ballot-page" data-testid="ballot-page">
        <header className="ballot-header">
          <span className="ballot-header-mark">{t('common.appShort').slice(0, 1)}</span>
          <span className="ballot-header-title">{t('ballot.title')}</span>
          <span className="ballot-header-note">{t('ballot.anonymous')}</span>
        </header>
        <main className={footer ? 'ballot-main ballot-main-with-footer' : 'ballot-main'}>{children}</main>
        {footer ? (
          <footer className="ballot-footer">
            <div className="ballot-footer-inner">{footer}</div>
          </footer>
        ) : null}
      </div>
    </ConfigProvider>
  );
}
