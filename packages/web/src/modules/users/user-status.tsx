import type { User } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active / locked / TOTP / must-change flags of a user as tags. */
export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <>
      {user.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
      {user.locked ? <Tag color="error">{t('users.locked')}</Tag> : null}
      {user.totpEnrolled ? <Tag color="blue">{t('users.totpOn')}</Tag> : null}
      {user.mustChangePassword ? <Tag color="warning">{t('users.mustChange')}</Tag> : null}
    </>
  );
}
