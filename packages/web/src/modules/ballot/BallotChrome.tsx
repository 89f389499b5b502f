import type { BallotPage } from '@ganbu/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Tag } from './ui.tsx';

/** The slip's sticky footer, both ballot forms: how many are done, and 提交评议. */
export function BallotFooter({
  done,
  count,
  onReview,
}: {
  done: number;
  count: number;
  onReview: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="ballot-progress" data-testid="ballot-progress">
        {t('ballot.progress', { done, count })}
      </div>
      <Button
        variant="primary"
        size="large"
        onClick={onReview}
        style={{ flex: 1 }}
        data-testid="ballot-submit"
      >
        {t('ballot.submit')}
      </Button>
    </>
  );
}

/**
 * The slip's head, both ballot forms: the round, its period, the rater group, the instructions (the first
 * one is the form's own) and the code's last four characters.
 */
export function BallotIntro({
  page,
  code,
  firstInstruction,
}: {
  page: BallotPage;
  code: string;
  firstInstruction: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card className="ballot-intro" bodyStyle={{ padding: 16 }}>
      <h1 className="ballot-round-name" data-testid="ballot-round-name">
        {page.round.name}
      </h1>
      <div className="ballot-period">
        {t('ballot.period', { start: page.round.periodStart, end: page.round.periodEnd })}
      </div>
      <div className="ballot-group">
        <Tag className="ballot-group-tag">{t('ballot.raterGroup')}</Tag>
        <span data-testid="ballot-group-name">{page.group.name}</span>
      </div>
      <div className="ballot-instructions">
        <div className="ballot-instructions-title">{t('ballot.instructionsTitle')}</div>
        <ol>
          <li>{firstInstruction}</li>
          <li>{t('ballot.instr2')}</li>
          <li>{t('ballot.instr3')}</li>
        </ol>
      </div>
      <div className="ballot-code-tail">{t('ballot.codeTail', { tail: code.slice(-4) })}</div>
    </Card>
  );
}
