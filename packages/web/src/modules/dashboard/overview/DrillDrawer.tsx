import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import type { DashboardDrillItem } from '@ganbu/core';
import { App, Button, Drawer, Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { downloadDrill, useDrill, type DashboardParams } from './api.ts';
import { formatFigure } from './figures.ts';
import { rosterLink } from './roster-link.ts';
import type { DrillTarget } from './SectionCard.tsx';

const PAGE_SIZE = 20;

/** A drilled item; `value`: what it adds to the figure when not 1 (a pay line's yuan). */
type Item = DashboardDrillItem;

/**
 * "Who are these 7?": the people or records a figure counts, within the reader's scope (paged), their total,
 * each linking to its record, the whole list to Excel and — for a row of cadres the roster can select — the
 * roster opened with the same filter.
 */
export function DrillDrawer({
  params,
  target,
  onClose,
}: {
  params: DashboardParams;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={target?.heading ?? ''}
      data-testid="dash-drill"
    >
      {target ? <DrillBody key={JSON.stringify(target.drill)} params={params} target={target} /> : null}
    </Drawer>
  );
}

function DrillBody({ params, target }: { params: DashboardParams; target: DrillTarget }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const p = 'dashboard.overview.drill';
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [exporting, setExporting] = useState(false);
  const list = useDrill({ ...params, ...target.drill, page, pageSize });
  const items: Item[] = list.data?.items ?? [];
  const cadres = items.length > 0 && items.every((i) => i.kind === 'cadre');
  const withValue = items.some((i) => typeof i.value === 'number');
  const roster = rosterLink(target.row.rosterQuery);

  const exportIt = async () => {
    setExporting(true);
    try {
      await downloadDrill({ ...params, ...target.drill }, list.data?.title ?? target.row.label);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Item> = [
    {
      title: t(`${p}.name`),
      key: 'name',
      width: 160,
      render: (_: unknown, r) =>
        r.link ? (
          <Link to={r.link} data-testid={`dash-drill-item-${r.id}`}>
            {r.name}
          </Link>
        ) : (
          r.name
        ),
    },
    { title: t(`${p}.unit`), dataIndex: 'orgName', width: 160, ellipsis: true },
    { title: t(`${p}.detail`), dataIndex: 'detail', ellipsis: true },
    ...(withValue
      ? [
          {
            title: t(`${p}.amount`),
            key: 'value',
            align: 'right' as const,
            width: 130,
            render: (_: unknown, r: Item) =>
              typeof r.value === 'number' ? formatFigure(r.value, 'yuan', i18n.language) : '',
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Text strong data-testid="dash-drill-title">
            {list.data?.title ?? t(`${p}.loading`)}
          </Typography.Text>
          {list.data ? (
            <Typography.Text type="secondary" data-testid="dash-drill-total" data-total={list.data.total}>
              {t(cadres ? `${p}.totalPeople` : `${p}.total`, { total: list.data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8}>
          {roster.href ? (
            <Link to={roster.href} data-testid="dash-drill-roster">
              <Button size="small" icon={<TeamOutlined />}>
                {t(`${p}.roster`)}
              </Button>
            </Link>
          ) : null}
          <Tooltip title={t(`${p}.export`)}>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={!list.data}
              onClick={() => void exportIt()}
              data-testid="dash-drill-export"
            >
              {t(`${p}.export`)}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Item>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: list.isPending ? ' ' : t(`${p}.empty`) }}
        data-testid="dash-drill-table"
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
        }}
      />
    </Flex>
  );
}
