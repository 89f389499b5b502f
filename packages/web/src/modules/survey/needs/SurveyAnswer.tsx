// the contract module alone, not the core barrel: the public ballot page loads as little as it can
import {
  SurveyAnswerResultSchema,
  SurveyFormSchema,
  type SurveyAnswerInput,
  type SurveyForm,
} from '@ganbu/core/contracts/survey';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import { api, isApiError } from '../../../lib/http.ts';
import { useModuleTexts } from '../../../i18n/use-module-texts.ts';
import { BallotShell } from '../../ballot/BallotShell.tsx';
import { BallotLoading } from '../../ballot/BallotStatus.tsx';
import { Alert, Button, Card, Result, TextInput } from '../../ballot/ui.tsx';
import { surveyTexts } from './answer-texts.ts';
import './survey-answer.css';

const surveyModule = { id: 'survey', i18n: surveyTexts };
const path = (code: string) => `/api/ballot/${encodeURIComponent(code)}/survey`;

type Stop = 'used' | 'invalid' | 'notStarted' | 'ended' | 'network' | 'other';

function stopOf(err: unknown): Stop {
  if (!isApiError(err)) return 'other';
  if (err.code === 'SURVEY_CODE_USED') return 'used';
  if (err.code === 'SURVEY_CODE_INVALID') return 'invalid';
  if (err.code === 'SURVEY_NOT_OPEN')
    return (err.details as { state?: string } | undefined)?.state === 'notStarted' ? 'notStarted' : 'ended';
  if (err.code === 'NETWORK' || err.status === 0 || err.status >= 500) return 'network';
  return 'other';
}

type Bands = { rank?: string; post?: string; education?: string };

/**
 * 需求调查问卷 on the public ballot page (`/ballot#CODE` with a 16-character survey code): the respondent's
 * own rank / post / education band (self-reported from the pack's band names), up to `picksPerAnswer`
 * incentive kinds tapped in order of importance, and, when asked, the overtime count. One code, one answer;
 * the code stays in memory only. Phone first.
 */
export default function SurveyAnswer({ code, onOtherCode }: { code: string; onOtherCode: () => void }) {
  const ready = useModuleTexts(surveyModule);
  const { t } = useTranslation();
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [stop, setStop] = useState<{ stop: Stop | 'done'; message?: string } | null>(null);
  const [bands, setBands] = useState<Bands>({});
  const [picks, setPicks] = useState<string[]>([]);
  const [overtime, setOvertime] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const sent = useRef(false);
  const shellTitle = ready ? t('survey.needs.answer.shellTitle') : undefined;

  useEffect(() => {
    let live = true;
    api
      .get(SurveyFormSchema, path(code))
      .then((f) => live && setForm(f))
      .catch((err: unknown) => live && setStop({ stop: stopOf(err), message: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [code]);

  if (!ready || (!form && !stop))
    return (
      <BallotShell title={shellTitle}>
        <BallotLoading />
      </BallotShell>
    );

  const other = (
    <Button size="large" onClick={onOtherCode} data-testid="ballot-other-code">
      {t('survey.needs.answer.otherCode')}
    </Button>
  );
  if (stop || !form) {
    const s = stop?.stop ?? 'other';
    return (
      <BallotShell title={shellTitle}>
        <Card>
          {s === 'done' ? (
            <Result
              status="success"
              title={t('survey.needs.answer.doneTitle')}
              subTitle={t('survey.needs.answer.doneSubtitle')}
            />
          ) : (
            <Result
              status={s === 'used' || s === 'notStarted' ? 'warning' : 'error'}
              title={t(`survey.needs.answer.stop.${s}`)}
              subTitle={s === 'other' || s === 'network' ? stop?.message : undefined}
              extra={other}
            />
          )}
        </Card>
      </BallotShell>
    );
  }

  const max = form.picksPerAnswer;
  const toggle = (id: string) =>
    setPicks((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length >= max ? p : [...p, id]));

  const check = (): string[] => {
    const out: string[] = [];
    if (!bands.rank) out.push(t('survey.needs.answer.needRank'));
    if (!bands.post) out.push(t('survey.needs.answer.needPost'));
    if (!bands.education) out.push(t('survey.needs.answer.needEducation'));
    if (picks.length === 0) out.push(t('survey.needs.answer.needPick'));
    if (form.overtimeMonths !== null) {
      const n = Number(overtime.trim());
      if (!/^\d{1,3}$/.test(overtime.trim()) || n > 500)
        out.push(t('survey.needs.answer.needOvertime', { months: form.overtimeMonths }));
    }
    return out;
  };

  const submit = async () => {
    const local = check();
    setProblems(local);
    if (local.length) {
      window.scrollTo(0, 0);
      return;
    }
    if (sent.current) return;
    sent.current = true;
    setSending(true);
    const input: SurveyAnswerInput = {
      rankBand: bands.rank ?? '',
      postBand: bands.post ?? '',
      educationBand: bands.education ?? '',
      picks,
      ...(form.overtimeMonths !== null ? { overtime: Number(overtime.trim()) } : {}),
    };
    try {
      await api.post(SurveyAnswerResultSchema, path(code), input);
      setStop({ stop: 'done' });
      window.scrollTo(0, 0);
    } catch (err) {
      sent.current = false;
      setSending(false);
      if (isApiError(err) && err.code === 'SURVEY_ANSWER_INVALID') {
        const list = (err.details as { problems?: unknown } | undefined)?.problems;
        setProblems(Array.isArray(list) ? list.map(String) : [errorMessage(err)]);
      } else setStop({ stop: stopOf(err), message: errorMessage(err) });
    }
  };

  const bandQuestion = (key: keyof Bands, options: { id: string; name: string }[]) => (
    <Card title={t(`survey.needs.answer.q.${key}`)} className="survey-q" data-testid={`survey-q-${key}`}>
      <div className="survey-options" role="radiogroup">
        {options.map((o) => (
          <button
            type="button"
            role="radio"
            aria-checked={bands[key] === o.id}
            key={o.id}
            className={`survey-option${bands[key] === o.id ? ' survey-option-on' : ''}`}
            onClick={() => setBands((b) => ({ ...b, [key]: o.id }))}
            data-testid={`survey-${key}-${o.id}`}
          >
            {o.name}
          </button>
        ))}
      </div>
    </Card>
  );

  return (
    <BallotShell
      title={shellTitle}
      footer={
        <>
          <div className="ballot-progress">{t('survey.needs.answer.picked', { n: picks.length, max })}</div>
          <Button
            variant="primary"
            size="large"
            style={{ flex: 1 }}
            loading={sending}
            onClick={() => void submit()}
            data-testid="survey-submit"
          >
            {t('survey.needs.answer.submit')}
          </Button>
        </>
      }
    >
      <Card className="ballot-intro" bodyStyle={{ padding: 16 }}>
        <h1 className="ballot-round-name" data-testid="survey-title">
          {form.title}
        </h1>
        <div className="ballot-period">
          {t('survey.needs.answer.period', { start: form.opensOn, end: form.closesOn })}
        </div>
        <p className="ballot-secondary" style={{ margin: '8px 0 0' }}>
          {t('survey.needs.answer.anonymity')}
        </p>
        <div className="ballot-code-tail">{t('survey.needs.answer.codeTail', { tail: code.slice(-4) })}</div>
      </Card>
      {problems.length ? (
        <Alert
          type="error"
          message={t('survey.needs.answer.fix')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="survey-problems"
        />
      ) : null}
      {bandQuestion('rank', form.bands.rank)}
      {bandQuestion('post', form.bands.post)}
      {bandQuestion('education', form.bands.education)}
      <Card
        title={t('survey.needs.answer.q.picks', { max })}
        className="survey-q"
        data-testid="survey-q-picks"
      >
        <p className="ballot-secondary" style={{ marginTop: 0 }}>
          {t('survey.needs.answer.picksHint', { max })}
        </p>
        <div className="survey-kinds">
          {form.kinds.map((k) => {
            const at = picks.indexOf(k.id);
            return (
              <button
                type="button"
                key={k.id}
                aria-pressed={at >= 0}
                className={`survey-kind${at >= 0 ? ' survey-kind-on' : ''}`}
                onClick={() => toggle(k.id)}
                disabled={at < 0 && picks.length >= max}
                data-testid={`survey-kind-${k.id}`}
              >
                <span className="survey-kind-order">{at >= 0 ? at + 1 : ''}</span>
                <span className="survey-kind-text">
                  <span className="survey-kind-name">{k.name}</span>
                  <span className="survey-kind-hint">{k.hint}</span>
                </span>
              </button>
            );
          })}
        </div>
      </Card>
      {form.overtimeMonths !== null ? (
        <Card
          title={t('survey.needs.answer.q.overtime', { months: form.overtimeMonths })}
          className="survey-q"
          data-testid="survey-q-overtime"
        >
          <TextInput
            inputMode="numeric"
            value={overtime}
            onChange={(e) =>
              setOvertime(
                e.target.value
                  .replace(/[^\d０-９]/g, '')
                  .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
              )
            }
            placeholder={t('survey.needs.answer.overtimePlaceholder')}
            maxLength={3}
            data-testid="survey-overtime"
          />
        </Card>
      ) : null}
    </BallotShell>
  );
}
