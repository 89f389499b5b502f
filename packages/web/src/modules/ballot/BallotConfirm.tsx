import type { BallotPage } from '@ganbu/core';
import { useTranslation } from 'react-i18next';
import { checkScore, fromHundredths, tallyTarget } from './ballot-score.ts';
import { Alert, Button, Card } from './ui.tsx';

/** The confirmation step: every person's points and total before the one submission. */
export function BallotConfirm({
  page,
  values,
  problems,
  networkFailed,
}: {
  page: BallotPage;
  values: Record<string, string[]>;
  /** the server's reasons when it refused the ballot */
  problems: string[] | null;
  networkFailed: boolean;
}) {
  const { t } = useTranslation();
  const maxima = page.criteria.map((c) => c.maxPoints);
  const maxTotal = maxima.reduce((a, b) => a + b, 0);
  return (
    <div data-testid="ballot-confirm">
      <h2 className="ballot-section-title">{t('ballot.confirmTitle')}</h2>
      <Alert type="warning" message={t('ballot.confirmWarning')} style={{ marginBottom: 12 }} />
      <BallotSendErrors problems={problems} networkFailed={networkFailed} />
      {page.targets.map((target, i) => {
        const v = values[target.id] ?? [];
        const tally = tallyTarget(v, maxima);
        return (
          <Card key={target.id} className="ballot-confirm-card" bodyStyle={{ padding: '12px 16px' }}>
            <div className="ballot-confirm-head">
              <div style={{ minWidth: 0 }}>
                <div className="ballot-target-name">{target.name}</div>
                <div className="ballot-target-meta">
                  {[target.unitName, target.post].filter(Boolean).join(' · ')}
                </div>
              </div>
              <div className="ballot-confirm-total" data-testid={`ballot-confirm-total-${i}`}>
                {fromHundredths(tally.hundredths)}
                <span className="ballot-confirm-total-max"> / {maxTotal}</span>
              </div>
            </div>
            <div className="ballot-confirm-points">
              {page.criteria.map((c, k) => {
                const check = checkScore(v[k] ?? '', c.maxPoints);
                return (
                  <span key={c.id} className="ballot-confirm-point">
                    {c.name} <strong>{check.ok ? fromHundredths(check.hundredths) : '—'}</strong>
                  </span>
                );
              })}
            </div>
          </Card>
        );
      })}
    </div>
  );
}

/** The confirmation step's buttons (in the sticky footer). */
export function BallotConfirmActions({
  sending,
  onBack,
  onSubmit,
}: {
  sending: boolean;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button size="large" onClick={onBack} disabled={sending} data-testid="ballot-confirm-back">
        {t('ballot.confirmBack')}
      </Button>
      <Button
        variant="primary"
        size="large"
        onClick={onSubmit}
        loading={sending}
        disabled={sending}
        style={{ flex: 1 }}
        data-testid="ballot-confirm-submit"
      >
        {t('ballot.confirmSubmit')}
      </Button>
    </>
  );
}

/** Why the one submission did not go through: the server's reasons, or the network (both ballot forms). */
export function BallotSendErrors({
  problems,
  networkFailed,
}: {
  problems: string[] | null;
  networkFailed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {problems ? (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          message={t('ballot.serverProblems')}
          description={
            <ul className="ballot-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="ballot-submit-error"
        />
      ) : null}
      {networkFailed ? (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          message={t('ballot.sendFailed')}
          data-testid="ballot-submit-error"
        />
      ) : null}
    </>
  );
}
