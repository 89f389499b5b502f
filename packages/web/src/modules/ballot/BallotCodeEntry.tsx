import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongCodeInput, normaliseBallotCode, normaliseSurveyCode } from './ballot-code.ts';
import { Button, Card, TextInput } from './ui.tsx';

/** The code box, for raters who type the short code instead of scanning the QR code. */
export function BallotCodeEntry({ onOpen, error }: { onOpen: (code: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error ?? null;

  const submit = () => {
    if (!value.trim()) return setProblem(t('ballot.codeRequired'));
    const code = normaliseBallotCode(value) ?? normaliseSurveyCode(value);
    if (!code) return setProblem(t('ballot.codeFormat'));
    setProblem(null);
    onOpen(code);
  };

  return (
    <Card title={t('ballot.codeTitle')} data-testid="ballot-code-entry">
      <p className="ballot-secondary">{t('ballot.codeHint')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="ballot-form-item">
          <label className="ballot-form-label" htmlFor="ballot-code">
            {t('ballot.codeLabel')}
          </label>
          <TextInput
            id="ballot-code"
            className="ballot-code-input"
            status={shown ? 'error' : undefined}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
            onBlur={() => setValue((v) => formatLongCodeInput(v) || v)}
            placeholder={t('ballot.codePlaceholder')}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={20}
            data-testid="ballot-code-input"
          />
          {shown ? (
            <div className="ballot-form-help" data-testid="ballot-code-error">
              {shown}
            </div>
          ) : null}
        </div>
        <Button variant="primary" size="large" type="submit" block data-testid="ballot-code-submit">
          {t('ballot.start')}
        </Button>
      </form>
      <p className="ballot-secondary" style={{ margin: '16px 0 0', fontSize: 14 }}>
        {t('ballot.scanHint')}
      </p>
    </Card>
  );
}
