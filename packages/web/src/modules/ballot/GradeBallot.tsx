import type { BallotPage } from '@ganbu/core';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ballotApi, ballotProblems, stopOf, type BallotStop } from './ballot-api.ts';
import { BallotConfirmActions, BallotSendErrors } from './BallotConfirm.tsx';
import { BallotFooter, BallotIntro } from './BallotChrome.tsx';
import { TargetReport } from './BallotReport.tsx';
import { BallotShell } from './BallotShell.tsx';
import { Alert, Card } from './ui.tsx';

type Target = BallotPage['targets'][number];
type VoteGrade = BallotPage['voteGrades'][number];

/** The vote buttons of one person, for scrolling to the first one left. */
export const gradeGroupId = (targetIndex: number) => `ballot-grade-${targetIndex}`;

/** One person: who they are and one tap for a grade (a radio group of large buttons). */
const GradeCard = memo(function GradeCard(props: {
  index: number;
  count: number;
  target: Target;
  grades: readonly VoteGrade[];
  value: string | undefined;
  missing: boolean;
  onPick: (targetId: string, grade: string) => void;
  onDownloadReport: (targetId: string, name: string) => Promise<void>;
}) {
  const { index, count, target, grades, value, missing, onPick, onDownloadReport } = props;
  const { t } = useTranslation();
  return (
    <Card
      className={
        value ? 'ballot-target ballot-grade-target is-complete' : 'ballot-target ballot-grade-target'
      }
      data-testid="ballot-target"
      data-target-id={target.id}
      bodyStyle={{ padding: 16 }}
    >
      <div className="ballot-flex ballot-flex-between" style={{ alignItems: 'flex-start' }}>
        <div style={{ minWidth: 0 }}>
          <div
            className="ballot-target-name"
            id={`${gradeGroupId(index)}-name`}
            data-testid="ballot-target-name"
          >
            {target.name}
          </div>
          <div className="ballot-target-meta">
            {[target.unitName, target.post].filter(Boolean).join(' · ')}
          </div>
        </div>
        <span className="ballot-target-index">{t('ballot.targetIndex', { index: index + 1, count })}</span>
      </div>
      <TargetReport target={target} onDownload={onDownloadReport} />
      <div
        className="ballot-grade-options"
        role="radiogroup"
        id={gradeGroupId(index)}
        aria-labelledby={`${gradeGroupId(index)}-name`}
        aria-invalid={missing || undefined}
        data-testid={`ballot-grade-${index}`}
      >
        {grades.map((g, k) => (
          <button
            key={g.code}
            type="button"
            role="radio"
            aria-checked={value === g.code}
            className={value === g.code ? 'ballot-grade-option is-picked' : 'ballot-grade-option'}
            data-grade={g.code}
            data-testid={`ballot-grade-${index}-${k}`}
            onClick={() => onPick(target.id, g.code)}
          >
            {g.name}
          </button>
        ))}
      </div>
      {missing ? (
        <div className="ballot-field-error" role="alert" data-testid={`ballot-grade-error-${index}`}>
          {t('ballot.gradeRequired')}
        </div>
      ) : null}
    </Card>
  );
});

/**
 * The grade ballot (一票一档): one tap per person for a vote grade (优秀 / 称职 / 基本称职 / 不称职 or the
 * pack's list), progress and submit in the sticky footer, a confirmation list, exactly one submission.
 */
export function GradeBallot({
  page,
  code,
  onDone,
  onStopped,
}: {
  page: BallotPage;
  code: string;
  onDone: () => void;
  onStopped: (stop: BallotStop, message: string, afterRetry: boolean) => void;
}) {
  const { t } = useTranslation();
  const [votes, setVotes] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);
  const pick = useCallback(
    (targetId: string, grade: string) => setVotes((v) => ({ ...v, [targetId]: grade })),
    [],
  );
  const downloadReport = useCallback(
    (targetId: string, name: string) => ballotApi.saveReportFile(code, targetId, name),
    [code],
  );
  const nameOf = (code: string | undefined) => page.voteGrades.find((g) => g.code === code)?.name ?? '—';
  const done = page.targets.filter((x) => votes[x.id]).length;

  const review = () => {
    setShowAll(true);
    const first = page.targets.findIndex((x) => !votes[x.id]);
    if (first >= 0) {
      requestAnimationFrame(() =>
        document.getElementById(gradeGroupId(first))?.scrollIntoView({ block: 'center' }),
      );
      return;
    }
    setProblems(null);
    setConfirming(true);
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    if (sending) return;
    setSending(true);
    setProblems(null);
    try {
      await ballotApi.cast(code, {
        grades: page.targets.map((x) => ({ targetId: x.id, grade: votes[x.id] ?? '' })),
      });
      window.scrollTo(0, 0);
      onDone();
      return;
    } catch (err) {
      const refused = ballotProblems(err);
      const stop = stopOf(err);
      if (refused) {
        setProblems(refused.length ? refused : [errorMessage(err)]);
        setNetworkFailed(false);
      } else if (stop === 'network') {
        setNetworkFailed(true);
      } else {
        onStopped(stop, errorMessage(err), stop === 'used' && networkFailed);
        return;
      }
    }
    setSending(false);
  };

  if (confirming)
    return (
      <BallotShell
        footer={
          <BallotConfirmActions
            sending={sending}
            onBack={() => {
              setConfirming(false);
              setNetworkFailed(false);
            }}
            onSubmit={() => void submit()}
          />
        }
      >
        <div data-testid="ballot-confirm">
          <h2 className="ballot-section-title">{t('ballot.gradeConfirmTitle')}</h2>
          <Alert type="warning" message={t('ballot.gradeConfirmWarning')} style={{ marginBottom: 12 }} />
          <BallotSendErrors problems={problems} networkFailed={networkFailed} />
          <Card className="ballot-confirm-card" bodyStyle={{ padding: '4px 16px' }}>
            {page.targets.map((x, i) => (
              <div key={x.id} className="ballot-grade-confirm-row">
                <span className="ballot-target-name">{x.name}</span>
                <strong data-testid={`ballot-confirm-grade-${i}`}>{nameOf(votes[x.id])}</strong>
              </div>
            ))}
          </Card>
        </div>
      </BallotShell>
    );

  return (
    <BallotShell footer={<BallotFooter done={done} count={page.targets.length} onReview={review} />}>
      <BallotIntro
        page={page}
        code={code}
        firstInstruction={t('ballot.gradeInstr1', {
          count: page.targets.length,
          grades: page.voteGrades.map((g) => g.name).join(t('ballot.gradeSeparator')),
        })}
      />
      {showAll && done < page.targets.length ? (
        <Alert
          type="error"
          message={t('ballot.gradeMissing', { count: page.targets.length - done })}
          style={{ marginBottom: 12 }}
          data-testid="ballot-errors"
        />
      ) : null}
      {page.targets.map((x, i) => (
        <GradeCard
          key={x.id}
          index={i}
          count={page.targets.length}
          target={x}
          grades={page.voteGrades}
          value={votes[x.id]}
          missing={showAll && !votes[x.id]}
          onPick={pick}
          onDownloadReport={downloadReport}
        />
      ))}
    </BallotShell>
  );
}
