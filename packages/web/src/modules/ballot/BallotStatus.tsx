import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotStop } from './ballot-api.ts';
import { Button, Result, Spin } from './ui.tsx';

/** The end screens: submitted, or why the slip cannot be used (already used, invalid, round state, network). */
export function BallotStatus({
  stop,
  message,
  afterRetry = false,
  onRetry,
  onOtherCode,
}: {
  stop: BallotStop | 'done';
  /** the server's message, for an unexpected error */
  message?: string;
  /** TOKEN_USED right after a submission lost to the network: the ballot probably went through */
  afterRetry?: boolean;
  onRetry?: () => void;
  onOtherCode?: () => void;
}) {
  const { t } = useTranslation();
  const other = onOtherCode ? (
    <Button key="other" size="large" onClick={onOtherCode} data-testid="ballot-other-code">
      {t('ballot.otherCode')}
    </Button>
  ) : null;
  const retry = onRetry ? (
    <Button key="retry" variant="primary" size="large" onClick={onRetry} data-testid="ballot-retry">
      {t('ballot.retry')}
    </Button>
  ) : null;

  let body: ReactNode;
  switch (stop) {
    case 'done':
      body = <Result status="success" title={t('ballot.doneTitle')} subTitle={t('ballot.doneSubtitle')} />;
      break;
    case 'used':
      body = (
        <Result
          status="warning"
          title={t('ballot.usedTitle')}
          subTitle={afterRetry ? t('ballot.usedAfterRetry') : t('ballot.usedSubtitle')}
          extra={other}
        />
      );
      break;
    case 'invalid':
      body = (
        <Result
          status="error"
          title={t('ballot.invalidTitle')}
          subTitle={t('ballot.invalidSubtitle')}
          extra={other}
        />
      );
      break;
    case 'notStarted':
      body = (
        <Result
          status="info"
          title={t('ballot.notStartedTitle')}
          subTitle={t('ballot.notStartedSubtitle')}
          extra={[retry, other]}
        />
      );
      break;
    case 'ended':
      body = <Result status="info" title={t('ballot.endedTitle')} subTitle={t('ballot.endedSubtitle')} />;
      break;
    case 'network':
      body = (
        <Result
          status="warning"
          title={t('ballot.networkTitle')}
          subTitle={t('ballot.networkSubtitle')}
          extra={[retry, other]}
        />
      );
      break;
    case 'other':
      body = (
        <Result status="error" title={t('ballot.failedTitle')} subTitle={message} extra={[retry, other]} />
      );
      break;
  }
  const testId = {
    done: 'ballot-done',
    used: 'ballot-used',
    invalid: 'ballot-invalid',
    notStarted: 'ballot-not-started',
    ended: 'ballot-ended',
    network: 'ballot-network',
    other: 'ballot-failed',
  }[stop];
  return (
    <div className="ballot-status" data-testid={testId}>
      {body}
    </div>
  );
}

export function BallotLoading() {
  const { t } = useTranslation();
  return (
    <div className="ballot-status" data-testid="ballot-loading">
      <Spin />
      <div style={{ marginTop: 12 }}>{t('ballot.loading')}</div>
    </div>
  );
}
