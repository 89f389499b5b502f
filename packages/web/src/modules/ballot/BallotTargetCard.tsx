import type { BallotPage } from '@ganbu/core';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetReport } from './BallotReport.tsx';
import { checkScore, fromHundredths, tallyTarget, type ScoreError } from './ballot-score.ts';
import { Button, Card, TextInput } from './ui.tsx';

type Target = BallotPage['targets'][number];
type Criterion = BallotPage['criteria'][number];

/** The input box of one score, for scrolling to the first error. */
export const scoreInputId = (targetIndex: number, criterionIndex: number) =>
  `ballot-score-${targetIndex}-${criterionIndex}`;

/** The card texts that do not depend on what is typed, built once per slip (not per card per key). */
export interface CardTexts {
  /** per criterion: 满分 N 分 */
  maxLabels: readonly string[];
  /** per criterion: the box's placeholder 0–N */
  placeholders: readonly string[];
  unitPoints: string;
  fillMax: string;
  clear: string;
  total: string;
  totalPending: string;
  /** the slip's maximal total (the sum of the criteria's maxima) */
  maxTotal: number;
}

export function cardTexts(t: TFunction, criteria: readonly Criterion[]): CardTexts {
  return {
    maxLabels: criteria.map((c) => t('ballot.maxPoints', { max: c.maxPoints })),
    placeholders: criteria.map((c) => `0–${c.maxPoints}`),
    unitPoints: t('ballot.unitPoints'),
    fillMax: t('ballot.fillMax'),
    clear: t('ballot.clear'),
    total: t('ballot.total'),
    totalPending: t('ballot.totalPending'),
    maxTotal: criteria.reduce((a, c) => a + c.maxPoints, 0),
  };
}

export interface TargetCardProps {
  index: number;
  count: number;
  target: Target;
  criteria: readonly Criterion[];
  /** the typed points; a new array only when this target's boxes change */
  values: readonly string[];
  /** per criterion: the box was left (its error is shown); a new array only when this target's change */
  touched: readonly boolean[] | undefined;
  /** a submit was tried: every error is shown */
  showAll: boolean;
  texts: CardTexts;
  // the handlers are the page's, the same for every card and every render (the card stays memoised)
  onChange: (targetId: string, criterionIndex: number, value: string) => void;
  onBlur: (targetId: string, criterionIndex: number) => void;
  onFillMax: (targetId: string) => void;
  onClear: (targetId: string) => void;
  onDownloadReport: (targetId: string, name: string) => Promise<void>;
}

/**
 * One person to rate: who they are, their report, one box per criterion and the running total. Memoised:
 * a keystroke re-renders the card it lands in, not the other 99.
 */
export const BallotTargetCard = memo(function BallotTargetCard(props: TargetCardProps) {
  const { index, count, target, criteria, values, touched, showAll, texts } = props;
  const { t } = useTranslation();
  const maxima = criteria.map((c) => c.maxPoints);
  const tally = tallyTarget(values, maxima);

  const errorText = (error: ScoreError, max: number): string => {
    switch (error) {
      case 'required':
        return t('ballot.errRequired');
      case 'number':
        return t('ballot.errNumber');
      case 'negative':
        return t('ballot.errNegative');
      case 'max':
        return t('ballot.errMax', { max });
      case 'decimals':
        return t('ballot.errDecimals');
    }
  };

  return (
    <Card
      className={tally.complete ? 'ballot-target is-complete' : 'ballot-target'}
      data-testid="ballot-target"
      data-target-id={target.id}
      bodyStyle={{ padding: 16 }}
    >
      <div className="ballot-flex ballot-flex-between" style={{ alignItems: 'flex-start' }}>
        <div style={{ minWidth: 0 }}>
          <div className="ballot-target-name" data-testid="ballot-target-name">
            {target.name}
          </div>
          <div className="ballot-target-meta">
            {[target.unitName, target.post].filter(Boolean).join(' · ')}
          </div>
        </div>
        <span className="ballot-target-index">{t('ballot.targetIndex', { index: index + 1, count })}</span>
      </div>

      <TargetReport target={target} onDownload={props.onDownloadReport} />

      <div className="ballot-criteria">
        {criteria.map((c, k) => {
          const check = checkScore(values[k] ?? '', c.maxPoints);
          const error =
            !check.ok && (showAll || touched?.[k] === true) ? errorText(check.error, c.maxPoints) : null;
          const id = scoreInputId(index, k);
          return (
            <div className="ballot-criterion" key={c.id}>
              <div className="ballot-criterion-row">
                <label className="ballot-criterion-label" htmlFor={id}>
                  <span className="ballot-criterion-name">{c.name}</span>
                  <span className="ballot-criterion-max">{texts.maxLabels[k]}</span>
                  {c.description ? <span className="ballot-criterion-desc">{c.description}</span> : null}
                </label>
                <TextInput
                  id={id}
                  className="ballot-score-input"
                  inputMode="decimal"
                  autoComplete="off"
                  enterKeyHint="next"
                  maxLength={8}
                  value={values[k] ?? ''}
                  status={error ? 'error' : undefined}
                  placeholder={texts.placeholders[k]}
                  suffix={<span className="ballot-score-unit">{texts.unitPoints}</span>}
                  onChange={(e) => props.onChange(target.id, k, e.target.value)}
                  onBlur={() => props.onBlur(target.id, k)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  data-testid={`ballot-score-${index}-${k}`}
                />
              </div>
              {error ? (
                <div
                  className="ballot-field-error"
                  id={`${id}-error`}
                  role="alert"
                  data-testid={`ballot-score-error-${index}-${k}`}
                >
                  {error}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>

      <div className="ballot-target-foot ballot-flex ballot-flex-between ballot-flex-wrap">
        <div className="ballot-flex">
          <Button onClick={() => props.onFillMax(target.id)} data-testid={`ballot-fill-max-${index}`}>
            {texts.fillMax}
          </Button>
          <Button onClick={() => props.onClear(target.id)} data-testid={`ballot-clear-${index}`}>
            {texts.clear}
          </Button>
        </div>
        <div className="ballot-target-total" data-testid={`ballot-total-${index}`}>
          <span className="ballot-target-total-label">{texts.total}</span>{' '}
          <strong>
            {t('ballot.totalValue', { total: fromHundredths(tally.hundredths), max: texts.maxTotal })}
          </strong>
          {tally.complete ? null : <span className="ballot-target-total-pending">{texts.totalPending}</span>}
        </div>
      </div>
    </Card>
  );
});
