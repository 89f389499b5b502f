import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { AuthShell } from '../../components/AuthShell.tsx';
import { useMe } from '../../hooks/api/auth.ts';
import { LogoutLink } from './LogoutLink.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

/** Forced password change (first login, reset or expiry). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { refetch } = useMe();
  const navigate = useNavigate();

  const done = async () => {
    const fresh = await refetch();
    if (fresh.data?.mustEnrolTotp && !fresh.data.totpEnrolled)
      await navigate('/enrol-totp', { replace: true });
    else await navigate('/', { replace: true });
  };

  return (
    <AuthShell title={t('auth.changePasswordTitle')} extra={<LogoutLink />} width={520}>
      <Typography.Paragraph type="secondary">{t('auth.changePasswordHint')}</Typography.Paragraph>
      <PasswordChangeForm username={me.username} onSuccess={() => void done()} />
    </AuthShell>
  );
}

export default ChangePasswordPage;
