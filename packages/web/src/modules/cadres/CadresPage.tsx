import { DownloadOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CadreListItem, CadreListQuery, Org } from '@ganbu/core';
import { Button, Card, Flex, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { cadreExportUrl, useCadres, type CadreFilters } from '../../hooks/api/cadres.ts';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../lib/org-tree.ts';
import { CorrectionInboxButton } from './corrections/CorrectionInboxButton.tsx';
import { CadreFormDrawer } from './form/CadreFormDrawer.tsx';
import { ColumnChooser } from './roster/ColumnChooser.tsx';
import { IndicatorFilterBanner, INDICATOR_FILTER_KEYS } from './roster/IndicatorFilterBanner.tsx';
import {
  DEFAULT_COLUMNS,
  ROSTER_COLUMN_KEYS,
  rosterColumns,
  SORT_OF_COLUMN,
} from './roster/roster-columns.tsx';
import {
  DEFAULT_QUERY,
  filtersOf,
  loadColumns,
  queryFromSearch,
  searchFromQuery,
  storeColumns,
} from './roster/roster-query.ts';
import { RosterFilterForm } from './roster/RosterFilterForm.tsx';
import { SavedFilters } from './roster/SavedFilters.tsx';

const NO_ORGS: readonly Org[] = [];

/** 干部名册: query form, sortable server-paged table, column chooser, saved filters and Excel export. */
export function CadresPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const { editCadres } = capabilitiesOf(me.roles);
  // The query lives in the address bar, so the back button and shared links keep the filters.
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => queryFromSearch(search), [search]);
  const filters = useMemo(() => filtersOf(query), [query]);
  const cadres = useCadres(query);
  const orgs = useOrgs();
  const orgTreeData = useMemo(() => toTreeSelectData(buildOrgTree(orgs.data ?? NO_ORGS)), [orgs.data]);
  const [columns, setColumns] = useState(() => loadColumns(ROSTER_COLUMN_KEYS, DEFAULT_COLUMNS));
  const [creating, setCreating] = useState(false);

  const go = (next: CadreListQuery) => setSearch(searchFromQuery(next));
  const applyFilters = (f: CadreFilters) =>
    go({ ...f, sort: query.sort, order: query.order, page: 1, pageSize: query.pageSize });

  return (
    <PageContainer
      title={t('cadres.title')}
      extra={
        <>
          <SavedFilters username={me.username} current={filters} onApply={applyFilters} />
          <Button
            icon={<DownloadOutlined />}
            href={cadreExportUrl({ ...filters, sort: query.sort, order: query.order })}
            data-testid="roster-export"
          >
            {t('cadres.export')}
          </Button>
          {editCadres ? <CorrectionInboxButton /> : null}
          {editCadres ? (
            <Button
              icon={<ImportOutlined />}
              onClick={() => void navigate('/cadres/import')}
              data-testid="roster-import"
            >
              {t('cadres.import')}
            </Button>
          ) : null}
          {editCadres ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="roster-create"
            >
              {t('cadres.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <IndicatorFilterBanner
        search={search}
        onDismiss={() => {
          const next = new URLSearchParams(search);
          for (const key of [...INDICATOR_FILTER_KEYS, 'page']) next.delete(key);
          setSearch(next);
        }}
      />
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <RosterFilterForm filters={filters} orgTreeData={orgTreeData} onSearch={applyFilters} />
      </Card>
      {cadres.isError ? <QueryError error={cadres.error} onRetry={() => void cadres.refetch()} /> : null}
      <Card size="small">
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8} wrap>
          <Typography.Text strong>{t('cadres.listTitle')}</Typography.Text>
          <Flex gap={8}>
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                onClick={() => void cadres.refetch()}
              />
            </Tooltip>
            <ColumnChooser
              value={columns}
              onChange={(keys) => {
                setColumns(keys);
                storeColumns(keys);
              }}
            />
          </Flex>
        </Flex>
        <Table<CadreListItem>
          rowKey="id"
          size="middle"
          columns={rosterColumns(t, columns, query)}
          dataSource={cadres.data?.items}
          loading={cadres.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="roster-table"
          onRow={(row) => ({
            onClick: () => void navigate(`/cadres/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const sortKey = s?.order ? SORT_OF_COLUMN[String(s.columnKey)] : undefined;
              go({
                ...query,
                sort: sortKey ?? DEFAULT_QUERY.sort,
                order: sortKey && s?.order === 'descend' ? 'desc' : 'asc',
                page: 1,
              });
              return;
            }
            const size = pagination.pageSize ?? query.pageSize;
            go({ ...query, page: size !== query.pageSize ? 1 : (pagination.current ?? 1), pageSize: size });
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: cadres.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (total) =>
              cadres.data?.totalCapped ? (
                <Tooltip title={t('cadres.totalCappedHint', { total: total.toLocaleString() })}>
                  <span data-testid="roster-total-capped">
                    {t('cadres.totalCapped', { total: total.toLocaleString() })}
                  </span>
                </Tooltip>
              ) : (
                t('common.total', { total })
              ),
          }}
        />
      </Card>
      {editCadres ? (
        <CadreFormDrawer
          open={creating}
          cadreId={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            void navigate(`/cadres/${id}`);
          }}
        />
      ) : null}
    </PageContainer>
  );
}

export default CadresPage;
