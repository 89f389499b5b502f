import { PlusOutlined } from '@ant-design/icons';
import { can, SELECTION_STATES, type SelectionProcess } from '@ganbu/core';
import { Button, Card, Flex, Segmented, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { useSelectionKinds, useSelectionProcesses } from './api.ts';
import { CreateProcessDrawer } from './CreateProcessDrawer.tsx';
import { ProcessStateTag } from './labels.tsx';

type StateFilter = SelectionProcess['state'] | 'all';

/**
 * 选拔任用: the processes in scope (title, unit, post, kind, where each stands and until when), filtered by
 * state and unit; 发起选拔 for those who manage selection.
 */
export function ProcessesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const manage = can(me.roles, 'selection.manage');
  const [state, setState] = useState<StateFilter>('open');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const q = useSelectionProcesses({ state: state === 'all' ? undefined : state, orgId });
  const kinds = useSelectionKinds();
  const orgs = useOrgs();
  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );

  // the current step's name, from the kind's steps (the list carries its id)
  const stepName = (p: SelectionProcess) => {
    if (!p.currentStep) return '—';
    const kind = kinds.data?.find((k) => k.id === p.kindId);
    return kind?.steps.find((s) => s.id === p.currentStep)?.name ?? p.currentStep;
  };

  const open = (p: SelectionProcess) => void navigate(`/selection/processes/${p.id}`);
  const columns: TableColumnsType<SelectionProcess> = [
    {
      title: t('selection.process.list.title'),
      key: 'title',
      width: 240,
      render: (_: unknown, p) => (
        <Typography.Link onClick={() => open(p)} data-testid={`process-open-${p.id}`}>
          {p.title}
        </Typography.Link>
      ),
    },
    { title: t('selection.process.list.unit'), dataIndex: 'orgName', width: 120, ellipsis: true },
    {
      title: t('selection.process.list.post'),
      key: 'post',
      width: 170,
      render: (_: unknown, p) => (p.post.rank ? `${p.post.title}（${p.post.rank}）` : p.post.title),
    },
    { title: t('selection.process.list.kind'), dataIndex: 'kindName', ellipsis: true },
    {
      title: t('selection.process.list.step'),
      key: 'step',
      width: 110,
      render: (_: unknown, p) => (p.state === 'open' ? stepName(p) : '—'),
    },
    {
      title: t('selection.process.list.due'),
      key: 'due',
      width: 130,
      render: (_: unknown, p) => (p.state === 'open' ? (p.dueOn ?? '—') : (p.appointedOn ?? '—')),
    },
    {
      title: t('selection.process.list.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, p) => <ProcessStateTag state={p.state} />,
    },
  ];

  return (
    <PageContainer
      title={t('selection.process.list.pageTitle')}
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="process-create"
          >
            {t('selection.process.list.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('selection.process.list.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<StateFilter>
            value={state}
            onChange={setState}
            options={[
              ...SELECTION_STATES.map((s) => ({ value: s, label: t(`selection.process.state.${s}`) })),
              { value: 'all' as const, label: t('selection.process.list.all') },
            ]}
            data-testid="process-filter-state"
          />
          <TreeSelect
            allowClear
            placeholder={t('selection.process.list.allUnits')}
            style={{ width: 260 }}
            value={orgId}
            onChange={(v: string | undefined) => setOrgId(v)}
            treeData={treeData}
            loading={orgs.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={treeData.map((n) => n.value)}
            listHeight={360}
            data-testid="process-filter-org"
          />
        </Flex>
      </Card>
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Card size="small">
        <Table<SelectionProcess>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('selection.process.list.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="process-table"
        />
      </Card>
      {manage ? <CreateProcessDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

export default ProcessesPage;
