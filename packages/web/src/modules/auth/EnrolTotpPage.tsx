import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AuthShell } from '../../components/AuthShell.tsx';
import { useMe } from '../../hooks/api/auth.ts';
import { TotpEnrol } from '../account/TotpEnrol.tsx';
import { LogoutLink } from './LogoutLink.tsx';

/** Forced TOTP enrolment for admin accounts. */
export function EnrolTotpPage() {
  const { t } = useTranslation();
  const { refetch } = useMe();
  const navigate = useNavigate();

  const done = async () => {
    await refetch();
    await navigate('/', { replace: true });
  };

  return (
    <AuthShell title={t('auth.enrolTotpTitle')} extra={<LogoutLink />} width={520}>
      <Typography.Paragraph type="secondary">{t('auth.enrolTotpHint')}</Typography.Paragraph>
      <TotpEnrol onEnrolled={() => void done()} />
    </AuthShell>
  );
}

export default EnrolTotpPage;
