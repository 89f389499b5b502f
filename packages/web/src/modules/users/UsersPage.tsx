import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { User } from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Dropdown,
  Input,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { useUnlockUser, useUpdateUser, useUsers } from '../../hooks/api/users.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { UserRolesDrawer } from './UserRolesDrawer.tsx';
import { UserStatusTags } from './user-status.tsx';

type Dialog =
  { type: 'form'; user: User | null } | { type: 'reset'; user: User } | { type: 'roles'; user: User } | null;

/** 用户管理: sysadmin manages accounts; secadmin views them and grants roles. */
export function UsersPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const { manageUsers, grantRoles } = capabilitiesOf(me.roles);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers({ q: q || undefined, page, pageSize });
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const confirmToggleActive = (user: User) =>
    modal.confirm({
      title: user.active
        ? t('users.deactivateConfirm', { name: user.displayName })
        : t('users.activateConfirm', { name: user.displayName }),
      okButtonProps: { danger: user.active },
      onOk: () =>
        update
          .mutateAsync({ id: user.id, input: { active: !user.active } })
          .then(() => void message.success(t('common.success')))
          .catch(() => undefined),
    });

  const confirmUnlock = (user: User) =>
    modal.confirm({
      title: t('users.unlockConfirm', { name: user.displayName }),
      onOk: () =>
        unlock
          .mutateAsync(user.id)
          .then(() => void message.success(t('users.unlocked')))
          .catch(() => undefined),
    });

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (_: unknown, u) => <RoleTags roles={u.roles} emptyText={t('users.noRoles')} />,
    },
    {
      title: t('users.scope'),
      dataIndex: 'scopeMode',
      width: 130,
      render: (_: unknown, u) => <Tag color="geekblue">{t(`scope.${u.scopeMode}`)}</Tag>,
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 180,
      render: (_: unknown, u) => <UserStatusTags user={u} />,
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: manageUsers ? 210 : 110,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {grantRoles ? (
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ type: 'roles', user: u })}
              data-testid={`user-grant-${u.username}`}
            >
              {t('users.grantRoles')}
            </Button>
          ) : null}
          {manageUsers ? (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ type: 'form', user: u })}
                data-testid={`user-edit-${u.username}`}
              >
                {t('users.edit')}
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ type: 'reset', user: u })}
                data-testid={`user-reset-${u.username}`}
              >
                {t('users.resetPassword')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    ...(u.locked ? [{ key: 'unlock', label: t('users.unlock') }] : []),
                    u.active
                      ? { key: 'deactivate', label: t('users.deactivate'), danger: true }
                      : { key: 'activate', label: t('users.activate') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'unlock') confirmUnlock(u);
                    else confirmToggleActive(u);
                  },
                }}
              >
                <Button type="link" size="small" data-testid={`user-more-${u.username}`}>
                  {t('users.more')} <DownOutlined />
                </Button>
              </Dropdown>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        manageUsers ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ type: 'form', user: null })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          style={{ maxWidth: 420 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="user-search"
        />
      </Card>
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      <Card size="small">
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="user-table"
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {manageUsers ? (
        <>
          <UserFormDrawer
            open={dialog?.type === 'form'}
            user={dialog?.type === 'form' ? dialog.user : null}
            onClose={() => setDialog(null)}
          />
          <ResetPasswordModal
            user={dialog?.type === 'reset' ? dialog.user : null}
            onClose={() => setDialog(null)}
          />
        </>
      ) : null}
      {grantRoles ? (
        <UserRolesDrawer
          user={dialog?.type === 'roles' ? dialog.user : null}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </PageContainer>
  );
}

export default UsersPage;
