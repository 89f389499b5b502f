import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { LoginInputSchema, type Me } from '@ganbu/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LoginLocationState } from '../../app/auth-guard.tsx';
import { AuthShell } from '../../components/AuthShell.tsx';
import { useLogin } from '../../hooks/api/auth.ts';
import { errorMessage } from '../../lib/errors.ts';
import { isApiError, setCsrfToken } from '../../lib/http.ts';
import { digitsOnly, zodRule } from '../../lib/zod-rule.ts';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const qc = useQueryClient();
  const login = useLogin();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [totpForm] = Form.useForm<{ totp: string }>();

  // Whatever was cached belongs to a session that is over.
  useEffect(() => {
    setCsrfToken(null);
    qc.clear();
  }, [qc]);

  const afterLogin = (me: Me) => {
    if (me.mustChangePassword) void navigate('/change-password', { replace: true });
    else if (me.mustEnrolTotp && !me.totpEnrolled) void navigate('/enrol-totp', { replace: true });
    else void navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
  };

  const submit = (input: Credentials & { totp?: string }) => {
    setError(null);
    login.mutate(input, {
      onSuccess: afterLogin,
      onError: (err) => {
        if (isApiError(err) && err.code === 'TOTP_REQUIRED') {
          setCreds({ username: input.username, password: input.password });
          setStep('totp');
          return;
        }
        if (isApiError(err) && err.code === 'BAD_CREDENTIALS' && step === 'totp') setStep('password');
        if (step === 'totp') totpForm.resetFields();
        setError(err);
      },
    });
  };

  const notice = error ? (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      style={{ marginBottom: 16 }}
      data-testid="login-error"
    />
  ) : state.expired ? (
    <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
  ) : state.loggedOut ? (
    <Alert type="success" showIcon title={t('auth.loggedOut')} style={{ marginBottom: 16 }} />
  ) : null;

  return (
    <AuthShell title={step === 'password' ? t('auth.loginTitle') : t('auth.totpTitle')}>
      {notice}
      {step === 'password' || !creds ? (
        <Form<Credentials>
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={creds ?? undefined}
          onFinish={(values) => submit(values)}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[zodRule(LoginInputSchema.shape.username)]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('auth.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[zodRule(LoginInputSchema.shape.password)]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('auth.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      ) : (
        <Form<{ totp: string }>
          form={totpForm}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={({ totp }) => submit({ ...creds, totp })}
        >
          <Typography.Paragraph type="secondary">
            {t('auth.totpHint', { username: creds.username })}
          </Typography.Paragraph>
          <Form.Item
            name="totp"
            label={t('auth.totpCode')}
            normalize={digitsOnly}
            rules={[zodRule(LoginInputSchema.shape.totp.unwrap(), { message: t('auth.totpFormat') })]}
          >
            <Input
              prefix={<SafetyOutlined />}
              placeholder={t('auth.totpPlaceholder')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              data-testid="login-totp"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.verify')}
          </Button>
          <Button
            type="link"
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              setError(null);
              setStep('password');
            }}
          >
            {t('auth.backToPassword')}
          </Button>
        </Form>
      )}
    </AuthShell>
  );
}

export default LoginPage;
