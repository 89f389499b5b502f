import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { can, type Station } from '@ganbu/core';
import { Alert, App, Button, Card, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePracticePolicy } from '../practice/api.ts';
import { useStations } from './api.ts';
import { ActivitiesDrawer, StationFormDrawer, StationRoundDrawer } from './StationDrawers.tsx';

/**
 * 党员远程教育站点: the station units in scope with their manager, activities and latest published result of
 * the pack's station scheme, against the pack's planned count; when the pack keeps no stations, it says so.
 */
export default function StationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'station.manage');
  const policy = usePracticePolicy();
  const stations = useStations();
  const [editing, setEditing] = useState<Station | null>(null);
  const [creating, setCreating] = useState(false);
  const [activitiesOf, setActivitiesOf] = useState<Station | null>(null);
  const [rounding, setRounding] = useState(false);
  const rule = policy.data?.stations ?? null;
  const items = stations.data?.items ?? [];

  const columns: TableColumnsType<Station> = [
    { title: t('training.stations.name'), dataIndex: 'name', width: 180 },
    { title: t('training.stations.parent'), dataIndex: 'parentName', width: 140 },
    {
      title: t('training.stations.manager'),
      dataIndex: 'managerName',
      width: 110,
      render: (v: string) =>
        v || <Typography.Text type="secondary">{t('training.stations.noManager')}</Typography.Text>,
    },
    { title: t('training.stations.address'), dataIndex: 'address', ellipsis: true },
    { title: t('training.stations.equipment'), dataIndex: 'equipment', ellipsis: true },
    {
      title: t('training.stations.activities'),
      key: 'activities',
      width: 170,
      render: (_: unknown, s) => (
        <Button
          type="link"
          size="small"
          onClick={() => setActivitiesOf(s)}
          data-testid={`station-activities-${s.orgId}`}
        >
          {s.activityCount > 0
            ? t('training.stations.activityCount', { count: s.activityCount, last: s.lastActivityOn })
            : t('training.stations.noActivity')}
        </Button>
      ),
    },
    ...(rule
      ? [
          {
            title: t('training.stations.latestResult'),
            key: 'result',
            width: 200,
            render: (_: unknown, s: Station) =>
              s.latestResult ? (
                <Link to={`/assessment/rounds/${s.latestResult.roundId}`}>
                  {s.latestResult.grade && s.latestResult.score !== null
                    ? t('training.stations.resultText', {
                        grade: s.latestResult.grade,
                        score: s.latestResult.score,
                      })
                    : (s.latestResult.grade ?? s.latestResult.roundName)}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t('training.stations.noResult')}</Typography.Text>
              ),
          },
        ]
      : []),
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 80,
            render: (_: unknown, s: Station) => (
              <Button
                type="link"
                size="small"
                onClick={() => setEditing(s)}
                data-testid={`station-edit-${s.orgId}`}
              >
                {t('training.stations.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('training.stations.title')}
      extra={
        canManage ? (
          <Space>
            {rule ? (
              <Button
                icon={<TrophyOutlined />}
                disabled={items.length === 0}
                onClick={() => setRounding(true)}
                data-testid="station-round"
              >
                {t('training.stations.startRound')}
              </Button>
            ) : null}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="station-create"
            >
              {t('training.stations.create')}
            </Button>
          </Space>
        ) : null
      }
    >
      {stations.isError ? (
        <QueryError error={stations.error} onRetry={() => void stations.refetch()} />
      ) : null}
      {stations.data ? (
        rule ? (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Space size={48} wrap>
              <Statistic title={t('training.stations.planned')} value={stations.data.planned ?? 0} />
              <Statistic title={t('training.stations.registered')} value={items.length} />
            </Space>
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: 12, marginBottom: 0 }}
              data-testid="station-explanation"
            >
              {stations.data.explanation}
            </Typography.Paragraph>
          </Card>
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('training.stations.noPolicy')}
            description={stations.data.explanation}
            data-testid="station-explanation"
          />
        )
      ) : null}
      <Card size="small">
        <Table<Station>
          rowKey="orgId"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={stations.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="station-table"
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      {canManage ? (
        <StationFormDrawer
          open={creating || editing !== null}
          station={editing}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
        />
      ) : null}
      <ActivitiesDrawer station={activitiesOf} canManage={canManage} onClose={() => setActivitiesOf(null)} />
      {rule ? (
        <StationRoundDrawer
          open={rounding}
          scheme={rule.schemeName}
          count={items.length}
          onClose={() => setRounding(false)}
          onStarted={(roundId, count) => {
            setRounding(false);
            void message.success(t('training.stations.roundStarted', { count }));
            void navigate(`/assessment/rounds/${roundId}`);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
