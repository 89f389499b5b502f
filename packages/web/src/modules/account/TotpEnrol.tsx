import { TotpEnrolConfirmInputSchema } from '@ganbu/core';
import { Alert, App, Button, Flex, Form, Input, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTotpConfirm, useTotpStart } from '../../hooks/api/auth.ts';
import { errorMessage } from '../../lib/errors.ts';
import { digitsOnly, zodRule } from '../../lib/zod-rule.ts';

/** Only inline PNG/JPEG/SVG data URLs are rendered as the QR image. */
function safeQrSrc(url: string): string | undefined {
  return /^data:image\/(png|jpeg|gif|webp);base64,/i.test(url) ? url : undefined;
}

/** TOTP enrolment: start → scan QR (or type the secret) → confirm a code. */
export function TotpEnrol({ onEnrolled }: { onEnrolled?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useTotpStart();
  const confirm = useTotpConfirm();
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const enrolment = start.data;
  const current = done ? 2 : enrolment ? 1 : 0;

  const begin = () => {
    confirm.reset();
    form.resetFields();
    start.mutate();
  };

  return (
    <div data-testid="totp-enrol">
      <Steps
        size="small"
        current={current}
        responsive={false}
        style={{ marginBottom: 16 }}
        items={[{ title: t('totp.step1') }, { title: t('totp.step2') }, { title: t('totp.step3') }]}
      />
      {done ? (
        <Result status="success" title={t('totp.success')} subTitle={t('totp.enrolledHint')} />
      ) : !enrolment ? (
        <>
          <Typography.Paragraph type="secondary">{t('totp.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={begin} loading={start.isPending} data-testid="totp-start">
            {t('totp.start')}
          </Button>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('totp.scanHint')}</Typography.Paragraph>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
            {safeQrSrc(enrolment.qrDataUrl) ? (
              <img
                src={safeQrSrc(enrolment.qrDataUrl)}
                alt={t('totp.qrAlt')}
                width={200}
                height={200}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, imageRendering: 'pixelated' }}
                data-testid="totp-qr"
              />
            ) : null}
            <Typography.Text>
              <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>{' '}
              <Typography.Text code copyable data-testid="totp-secret">
                {enrolment.secret}
              </Typography.Text>
            </Typography.Text>
          </Flex>
          {confirm.isError ? (
            <Alert type="error" showIcon title={errorMessage(confirm.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<{ code: string }>
            form={form}
            layout="vertical"
            onFinish={({ code }) =>
              confirm.mutate(
                { code },
                {
                  onSuccess: () => {
                    setDone(true);
                    void message.success(t('totp.success'));
                    onEnrolled?.();
                  },
                  onError: () => form.resetFields(),
                },
              )
            }
          >
            <Form.Item
              name="code"
              label={t('totp.code')}
              normalize={digitsOnly}
              rules={[zodRule(TotpEnrolConfirmInputSchema.shape.code, { message: t('auth.totpFormat') })]}
            >
              <Input
                placeholder={t('totp.codePlaceholder')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                style={{ maxWidth: 240 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="totp-confirm">
                {t('totp.confirm')}
              </Button>
              <Button onClick={begin} loading={start.isPending}>
                {t('totp.restart')}
              </Button>
            </Flex>
          </Form>
        </>
      )}
    </div>
  );
}
