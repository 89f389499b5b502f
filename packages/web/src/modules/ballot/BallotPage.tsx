import type { BallotPage as BallotData, BallotSubmitInput } from '@ganbu/core';
import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ballotApi, ballotProblems, stopOf, type BallotStop } from './ballot-api.ts';
import { openSlip } from './ballot-prefetch.ts';
import { normaliseBallotCode, normaliseSurveyCode, toHalfWidth } from './ballot-code.ts';
import { checkScore, fromHundredths, tallyTarget } from './ballot-score.ts';
import { BallotCodeEntry } from './BallotCodeEntry.tsx';
import { BallotConfirm, BallotConfirmActions } from './BallotConfirm.tsx';
import { BallotFooter, BallotIntro } from './BallotChrome.tsx';
import { BallotShell } from './BallotShell.tsx';
import { BallotLoading, BallotStatus } from './BallotStatus.tsx';
import { BallotTargetCard, cardTexts, scoreInputId } from './BallotTargetCard.tsx';
import { GradeBallot } from './GradeBallot.tsx';
import { Alert } from './ui.tsx';

// a needs survey's code (16 characters, issue 16) opens the survey form, loaded only then
const SurveyAnswer = lazy(() => import('../survey/needs/SurveyAnswer.tsx'));

type Phase =
  | { kind: 'entry' }
  | { kind: 'loading' }
  | { kind: 'filling' }
  | { kind: 'confirm' }
  | { kind: 'done' }
  | { kind: 'stopped'; stop: BallotStop; message?: string; afterRetry?: boolean };

/** Typed points per target id, one string per criterion. */
type Values = Record<string, string[]>;
/** Per target id: which boxes were left (their errors are shown). */
type Touched = Record<string, boolean[]>;

const NO_VALUES: readonly string[] = [];

/**
 * Cards rendered at once: the first screenful at load, then the rest a batch per task, so the first box
 * takes input at once and a keystroke never waits for more than one batch (issue 10: 100 people).
 */
const FIRST_CARDS = 3;
const CARDS_PER_BATCH = 8;

/** A target's tally, kept while its typed values are the same array (a keystroke recounts one target). */
const tallyCache = new WeakMap<readonly string[], ReturnType<typeof tallyTarget>>();
function tallyOf(values: readonly string[], maxima: readonly number[]) {
  let tally = tallyCache.get(values);
  if (!tally) {
    tally = tallyTarget(values, maxima);
    if (values !== NO_VALUES) tallyCache.set(values, tally);
  }
  return tally;
}

/** One target's array with box k replaced (the other targets' arrays keep their identity). */
const withBox = <T,>(arr: readonly T[] | undefined, k: number, value: T): T[] => {
  const next = [...(arr ?? [])];
  next[k] = value;
  return next;
};

/**
 * The public ballot (民主测评): a slip's code from the URL fragment (`/ballot#XXXX-XXXX-XXXX`, never
 * sent to the server as a page URL) or the code box; the code lives in memory only and leaves the
 * address bar at once. Phone first: one card per person, a sticky footer with progress and submit,
 * a confirmation step, exactly one submission.
 */
export function BallotPage() {
  const { t } = useTranslation();
  const [hash, setHash] = useState(() => window.location.hash);
  const [phase, setPhase] = useState<Phase>({ kind: 'entry' });
  const [code, setCode] = useState<string | null>(null);
  const [surveyCode, setSurveyCode] = useState<string | null>(null);
  const [page, setPage] = useState<BallotData | null>(null);
  const [values, setValues] = useState<Values>({});
  const [touched, setTouched] = useState<Touched>({});
  const [showAll, setShowAll] = useState(false);
  const [shown, setShown] = useState(FIRST_CARDS);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);
  const sendingRef = useRef(false);
  const loadSeq = useRef(0);

  useEffect(() => {
    const before = document.title;
    document.title = t('ballot.docTitle');
    return () => {
      document.title = before;
    };
  }, [t]);

  const forget = () => {
    setCode(null);
    setPage(null);
    setValues({});
    setTouched({});
  };

  const load = async (canonical: string) => {
    const seq = ++loadSeq.current;
    forget();
    setCode(canonical);
    setShowAll(false);
    setShown(FIRST_CARDS);
    setProblems(null);
    setNetworkFailed(false);
    sendingRef.current = false;
    setSending(false);
    setPhase({ kind: 'loading' });
    try {
      const data = await openSlip(canonical);
      if (seq !== loadSeq.current) return;
      setPage(data);
      setValues(Object.fromEntries(data.targets.map((x) => [x.id, data.criteria.map(() => '')])));
      setPhase({ kind: 'filling' });
    } catch (err) {
      if (seq !== loadSeq.current) return;
      const stop = stopOf(err);
      // keep the code only where 重试 may still use it
      if (stop !== 'network' && stop !== 'other' && stop !== 'notStarted') setCode(null);
      setPhase({ kind: 'stopped', stop, message: errorMessage(err) });
    }
  };

  const open = (raw: string) => {
    const survey = normaliseSurveyCode(raw);
    if (survey) {
      loadSeq.current++;
      forget();
      setSurveyCode(survey);
      return;
    }
    setSurveyCode(null);
    const canonical = normaliseBallotCode(raw);
    if (canonical) void load(canonical);
    else {
      loadSeq.current++;
      forget();
      setPhase({ kind: 'stopped', stop: 'invalid' });
    }
  };

  // A scanned QR code: take the code from the fragment, then clear it from the address bar (and from
  // this history entry), so a shared phone does not keep it.
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const fragment = hash.replace(/^#/, '');
    if (!fragment) return;
    let raw = fragment;
    try {
      raw = decodeURIComponent(fragment);
    } catch {
      // not percent-encoded: use as is
    }
    window.history.replaceState(null, '', window.location.pathname);
    setHash('');
    open(raw);
    // only a new fragment opens a slip (the handlers are recreated every render)
  }, [hash]);

  const toEntry = () => {
    loadSeq.current++;
    forget();
    setSurveyCode(null);
    setPhase({ kind: 'entry' });
  };

  // The cards' handlers: the same functions for every render, so a keystroke re-renders only its card.
  const pageRef = useRef(page);
  pageRef.current = page;
  const setScore = useCallback(
    (targetId: string, k: number, value: string) =>
      setValues((prev) => ({ ...prev, [targetId]: withBox(prev[targetId], k, value) })),
    [],
  );
  /** On leaving a box: full-width digits (a Chinese keyboard) shown as the ASCII that is sent. */
  const leave = useCallback((targetId: string, k: number) => {
    setTouched((prev) =>
      prev[targetId]?.[k] ? prev : { ...prev, [targetId]: withBox(prev[targetId], k, true) },
    );
    setValues((prev) => {
      const v = prev[targetId]?.[k] ?? '';
      const tidy = toHalfWidth(v).trim();
      return tidy === v ? prev : { ...prev, [targetId]: withBox(prev[targetId], k, tidy) };
    });
  }, []);
  const fillMax = useCallback((targetId: string) => {
    const criteria = pageRef.current?.criteria ?? [];
    setValues((prev) => ({ ...prev, [targetId]: criteria.map((c) => String(c.maxPoints)) }));
  }, []);
  const clear = useCallback((targetId: string) => {
    const criteria = pageRef.current?.criteria ?? [];
    setValues((prev) => ({ ...prev, [targetId]: criteria.map(() => '') }));
    setTouched((prev) => {
      if (!prev[targetId]) return prev;
      const { [targetId]: _gone, ...rest } = prev;
      return rest;
    });
  }, []);
  const downloadReport = useCallback(
    (targetId: string, name: string) =>
      code ? ballotApi.saveReportFile(code, targetId, name) : Promise.resolve(),
    [code],
  );
  const texts = useMemo(() => (page ? cardTexts(t, page.criteria) : null), [t, page]);

  // the cards below the first screen, a batch at a time (each batch an interruptible transition)
  const targetCount = page?.targets.length ?? 0;
  useEffect(() => {
    if (phase.kind !== 'filling' || shown >= targetCount) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + CARDS_PER_BATCH)), 0);
    return () => clearTimeout(timer);
  }, [phase.kind, shown, targetCount]);

  if (surveyCode)
    return (
      <Suspense
        fallback={
          <BallotShell>
            <BallotLoading />
          </BallotShell>
        }
      >
        <SurveyAnswer key={surveyCode} code={surveyCode} onOtherCode={toEntry} />
      </Suspense>
    );

  if (phase.kind === 'entry')
    return (
      <BallotShell>
        <BallotCodeEntry onOpen={open} />
      </BallotShell>
    );
  if (phase.kind === 'loading')
    return (
      <BallotShell>
        <BallotLoading />
      </BallotShell>
    );
  if (phase.kind === 'done')
    return (
      <BallotShell>
        <BallotStatus stop="done" />
      </BallotShell>
    );
  if (phase.kind === 'stopped' || !page || !code || !texts) {
    const stopped = phase.kind === 'stopped' ? phase : { stop: 'other' as const };
    return (
      <BallotShell>
        <BallotStatus
          stop={stopped.stop}
          message={'message' in stopped ? stopped.message : undefined}
          afterRetry={'afterRetry' in stopped ? stopped.afterRetry : false}
          onRetry={code ? () => void load(code) : undefined}
          onOtherCode={toEntry}
        />
      </BallotShell>
    );
  }

  // 一票一档: one tap per person for a grade (GradeBallot.tsx)
  if (page.ballotForm === 'grade')
    return (
      <GradeBallot
        page={page}
        code={code}
        onDone={() => {
          loadSeq.current++;
          forget();
          setPhase({ kind: 'done' });
        }}
        onStopped={(stop, message, afterRetry) => {
          loadSeq.current++;
          forget();
          setPhase({ kind: 'stopped', stop, message, afterRetry });
        }}
      />
    );

  const maxima = page.criteria.map((c) => c.maxPoints);
  const tallies = page.targets.map((x) => tallyOf(values[x.id] ?? [], maxima));
  const doneCount = tallies.filter((x) => x.complete).length;
  const errorCount = tallies.reduce((sum, x) => sum + x.errors, 0);

  /** 提交评议: check everything here first; the first problem is scrolled into view. */
  const review = () => {
    setShowAll(true);
    setShown(page.targets.length);
    for (const [i, target] of page.targets.entries()) {
      const k = page.criteria.findIndex((c, n) => !checkScore(values[target.id]?.[n] ?? '', c.maxPoints).ok);
      if (k >= 0) {
        requestAnimationFrame(() => {
          const el = document.getElementById(scoreInputId(i, k));
          el?.scrollIntoView({ block: 'center' });
          el?.focus({ preventScroll: true });
        });
        return;
      }
    }
    setProblems(null);
    setPhase({ kind: 'confirm' });
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setProblems(null);
    const input: BallotSubmitInput = {
      scores: page.targets.map((x) => ({
        targetId: x.id,
        points: page.criteria.map((c, k) => {
          const check = checkScore(values[x.id]?.[k] ?? '', c.maxPoints);
          return check.ok ? fromHundredths(check.hundredths) : Number.NaN;
        }),
      })),
    };
    try {
      await ballotApi.cast(code, input);
      // sendingRef stays set: this page never sends again
      loadSeq.current++;
      forget();
      setPhase({ kind: 'done' });
      window.scrollTo(0, 0);
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
        const afterRetry = stop === 'used' && networkFailed;
        loadSeq.current++;
        forget();
        setPhase({ kind: 'stopped', stop, message: errorMessage(err), afterRetry });
        return;
      }
    }
    sendingRef.current = false;
    setSending(false);
  };

  if (phase.kind === 'confirm')
    return (
      <BallotShell
        footer={
          <BallotConfirmActions
            sending={sending}
            onBack={() => {
              setPhase({ kind: 'filling' });
              setNetworkFailed(false);
            }}
            onSubmit={() => void submit()}
          />
        }
      >
        <BallotConfirm page={page} values={values} problems={problems} networkFailed={networkFailed} />
      </BallotShell>
    );

  return (
    <BallotShell footer={<BallotFooter done={doneCount} count={page.targets.length} onReview={review} />}>
      <BallotIntro
        page={page}
        code={code}
        firstInstruction={t('ballot.instr1', { count: page.targets.length })}
      />
      {showAll && errorCount > 0 ? (
        <Alert
          type="error"
          message={t('ballot.fixErrors', { count: errorCount })}
          style={{ marginBottom: 12 }}
          data-testid="ballot-errors"
        />
      ) : null}
      {page.targets.slice(0, shown).map((target, i) => (
        <BallotTargetCard
          key={target.id}
          index={i}
          count={page.targets.length}
          target={target}
          criteria={page.criteria}
          values={values[target.id] ?? NO_VALUES}
          touched={touched[target.id]}
          showAll={showAll}
          texts={texts}
          onChange={setScore}
          onBlur={leave}
          onFillMax={fillMax}
          onClear={clear}
          onDownloadReport={downloadReport}
        />
      ))}
    </BallotShell>
  );
}

export default BallotPage;
