import { isAdminRole, type Role } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Roles as tags; the three admin roles in a distinct colour. */
export function RoleTags({ roles, emptyText }: { roles: readonly Role[]; emptyText?: string }) {
  const { t } = useTranslation();
  if (roles.length === 0) return emptyText ? <Tag>{emptyText}</Tag> : null;
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={isAdminRole(r) ? 'volcano' : 'blue'} style={{ marginInlineEnd: 4 }}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </>
  );
}
