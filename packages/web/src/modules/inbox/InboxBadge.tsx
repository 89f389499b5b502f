import { BellOutlined } from '@ant-design/icons';
import { can } from '@ganbu/core';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { useInboxCount } from './api.ts';

/** The header's 待办 bell: the number of items waiting for the user (red when one is overdue). */
export function InboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const allowed = can(me.roles, 'inbox.read');
  const count = useInboxCount(allowed);
  if (!allowed) return null;
  const pending = count.data?.pending ?? 0;
  const overdue = count.data?.overdue ?? 0;
  return (
    <Tooltip title={t('menu.inbox')}>
      <Badge count={pending} size="small" color={overdue > 0 ? '#ff4d4f' : '#1677ff'} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => void navigate('/inbox')}
          aria-label={t('menu.inbox')}
          data-testid="header-inbox"
          data-count={pending}
        />
      </Badge>
    </Tooltip>
  );
}
