import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCodeInput, normaliseBallotCode } from './ballot-code.ts';

/** The code box, for raters who type the short code instead of scanning the QR code. */
export function BallotCodeEntry({ onOpen, error }: { onOpen: (code: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error ?? null;

  const submit = () => {
    if (!value.trim()) return setProblem(t('ballot.codeRequired'));
    const code = normaliseBallotCode(value);
    if (!code) return setProblem(t('ballot.codeFormat'));
    setProblem(null);
    onOpen(code);
  };

  return (
    <Card title={t('ballot.codeTitle')} data-testid="ballot-code-entry">
      <Typography.Paragraph type="secondary">{t('ballot.codeHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('ballot.codeLabel')}
          htmlFor="ballot-code"
          validateStatus={shown ? 'error' : undefined}
          help={shown ? <span data-testid="ballot-code-error">{shown}</span> : undefined}
        >
          <Input
            id="ballot-code"
            size="large"
            className="ballot-code-input"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
            onBlur={() => setValue((v) => formatCodeInput(v) || v)}
            placeholder={t('ballot.codePlaceholder')}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={20}
            data-testid="ballot-code-input"
          />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" block data-testid="ballot-code-submit">
          {t('ballot.start')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 14 }}>
        {t('ballot.scanHint')}
      </Typography.Paragraph>
    </Card>
  );
}
