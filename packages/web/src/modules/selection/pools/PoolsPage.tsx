import { PlusOutlined } from '@ant-design/icons';
import {
  can,
  type PoolKind,
  type PoolLevelView,
  type PoolMember,
  type PoolQuota,
  type PoolUnit,
} from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useDueReviews, usePatchMember, usePoolOverview } from './api.ts';
import { NominateDrawer } from './NominateDrawer.tsx';
import { LeaveModal, ReviewModal, type ReviewTarget } from './PoolActions.tsx';

const KINDS: readonly PoolKind[] = ['reserve', 'young'];

/** 达标 green, 还差 N 人 orange, 超出 red, 不设名额 plain; the server's sentence on hover. */
function QuotaTag({ quota }: { quota: PoolQuota }) {
  const { t } = useTranslation();
  const [color, text] =
    quota.state === 'met'
      ? ['green', t('selection.pools.quotaMet')]
      : quota.state === 'short'
        ? ['orange', t('selection.pools.quotaShort', { n: quota.short })]
        : quota.state === 'over'
          ? ['red', t('selection.pools.quotaOver', { n: quota.over })]
          : ['default', t('selection.pools.quotaNoneTag')];
  return (
    <Tooltip title={quota.explanation}>
      <Tag color={color} data-testid="pool-quota">
        {text}
      </Tag>
    </Tooltip>
  );
}

/** 人才库: 后备干部 and 年轻干部 by the pack's levels, per unit with the quota status, members, reviews due. */
export function PoolsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'pool.manage');
  const [search, setSearch] = useSearchParams();
  const kind: PoolKind = search.get('tab') === 'young' ? 'young' : 'reserve';
  const overview = usePoolOverview(kind);
  const [nominating, setNominating] = useState(false);
  const levels = overview.data?.levels ?? [];

  return (
    <PageContainer
      title={t('selection.pools.title')}
      extra={
        canManage && levels.length ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setNominating(true)}
            data-testid="pool-nominate"
          >
            {t('selection.pools.nominate')}
          </Button>
        ) : null
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => setSearch(k === 'reserve' ? {} : { tab: k }, { replace: true })}
        items={KINDS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`pool-tab-${k}`}>
              {t(k === 'reserve' ? 'selection.pools.tabReserve' : 'selection.pools.tabYoung')}
            </span>
          ),
        }))}
      />
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {overview.data ? (
        <Typography.Paragraph type="secondary" data-testid="pool-pack">
          {t('selection.pools.packLine', {
            pack: overview.data.packName,
            from: overview.data.effectiveFrom,
            org: overview.data.orgName,
            asOf: overview.data.asOf,
          })}
        </Typography.Paragraph>
      ) : null}
      {overview.data && !levels.length ? <Empty description={t('selection.pools.noLevels')} /> : null}
      <Flex vertical gap={16}>
        {levels.map((level) => (
          <LevelCard key={level.level} level={level} canManage={canManage} />
        ))}
        {levels.length ? <DueReviews kind={kind} canManage={canManage} /> : null}
      </Flex>
      {canManage ? (
        <NominateDrawer kind={kind} levels={levels} open={nominating} onClose={() => setNominating(false)} />
      ) : null}
    </PageContainer>
  );
}

function LevelCard({ level, canManage }: { level: PoolLevelView; canManage: boolean }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState<PoolMember | null>(null);
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null);
  const judged = level.units.some((u) => u.quota && u.quota.state !== 'none');
  const quotaRule =
    level.perUnitMin === null && level.perUnitMax === null
      ? t('selection.pools.quotaNone')
      : [
          level.perUnitMin !== null
            ? t('selection.pools.quotaMin', {
                min: level.perUnitMin,
                kinds: level.unitKinds.map((k) => t(`orgKinds.${k}`)).join(t('selection.pools.kindSep')),
              })
            : '',
          level.perUnitMax !== null ? t('selection.pools.quotaMax', { max: level.perUnitMax }) : '',
        ]
          .filter(Boolean)
          .join(t('selection.pools.kindSep'));
  const withMembers = level.units.filter((u) => u.members.length).map((u) => u.orgId ?? u.orgName);
  return (
    <Card
      size="small"
      data-testid={`pool-level-${level.kind}`}
      title={
        <Flex gap={8} wrap align="center">
          <span>{level.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="pool-level-summary">
            {judged
              ? t('selection.pools.unitsSummary', {
                  total: level.total,
                  short: level.unitsShort,
                  missing: level.missing,
                })
              : t('selection.pools.unitsSummaryNone', { total: level.total })}
          </Typography.Text>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'c', label: t('selection.pools.conditions'), children: level.conditionsText },
          { key: 'q', label: t('selection.pools.quotaRule'), children: quotaRule },
          { key: 'r', label: t('selection.pools.reviews'), children: level.reviewsText },
          {
            key: 'd',
            label: t('selection.pools.duties'),
            children: level.duties.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="pool-duties">
                {level.duties.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : (
              t('selection.pools.noDuties')
            ),
          },
        ]}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ marginBottom: 12 }}
        data-testid="pool-level-explanation"
      >
        {level.explanation}
      </Typography.Paragraph>
      {level.units.length ? (
        <Collapse
          size="small"
          defaultActiveKey={withMembers.slice(0, 3)}
          items={level.units.map((u) => ({
            key: u.orgId ?? u.orgName,
            label: (
              <Flex gap={8} wrap align="center" data-testid={`pool-unit-${u.orgId ?? 'above'}`}>
                <span>{u.orgName}</span>
                <Typography.Text type="secondary">
                  {t('selection.pools.unitCount', { count: u.members.length })}
                </Typography.Text>
                {u.quota ? <QuotaTag quota={u.quota} /> : null}
              </Flex>
            ),
            children: (
              <MembersTable
                unit={u}
                canManage={canManage}
                onLeave={setLeaving}
                onReview={(m) => {
                  const r = m.reviews.find((x) => x.doneOn === null);
                  if (r)
                    setReviewing({
                      memberId: m.id,
                      name: m.name,
                      reviewId: r.id,
                      review: r.name,
                      dueOn: r.dueOn,
                    });
                }}
              />
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.pools.noUnits')} />
      )}
      <LeaveModal member={leaving} onClose={() => setLeaving(null)} />
      <ReviewModal target={reviewing} onClose={() => setReviewing(null)} />
    </Card>
  );
}

function MembersTable({
  unit,
  canManage,
  onLeave,
  onReview,
}: {
  unit: PoolUnit;
  canManage: boolean;
  onLeave: (m: PoolMember) => void;
  onReview: (m: PoolMember) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const patch = usePatchMember();
  const flag = (m: PoolMember) =>
    patch.mutate(
      { id: m.id, input: { twoCommitteesCandidate: !m.twoCommitteesCandidate } },
      {
        onSuccess: (after) =>
          void message.success(
            t(after.twoCommitteesCandidate ? 'selection.pools.flagged' : 'selection.pools.unflagged'),
          ),
      },
    );
  const columns: TableColumnsType<PoolMember> = [
    {
      title: t('selection.pools.name'),
      key: 'name',
      width: 150,
      render: (_: unknown, m) => (
        <Space size={4} wrap>
          <span data-testid="pool-member-name">{m.name}</span>
          {m.twoCommitteesCandidate ? <Tag color="blue">{t('selection.pools.twoCommittees')}</Tag> : null}
          {m.unmetNow.length ? (
            <Tooltip
              title={t('selection.pools.noLongerMeets', { clauses: m.unmetNow.join(t('common.listSep')) })}
            >
              <Tag color="red">{t('selection.pools.noLongerMeetsTag')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: t('selection.pools.unitOrg'), dataIndex: 'orgName', ellipsis: true },
    { title: t('selection.pools.post'), dataIndex: 'postTitle', ellipsis: true },
    { title: t('selection.pools.rank'), dataIndex: 'rank', width: 80 },
    {
      title: t('selection.pools.age'),
      key: 'age',
      width: 70,
      render: (_: unknown, m) => (m.age === null ? '' : t('selection.pools.ageValue', { age: m.age })),
    },
    {
      title: t('selection.pools.enteredOn'),
      key: 'entered',
      width: 110,
      render: (_: unknown, m) => <Tooltip title={m.entryReason}>{m.enteredOn}</Tooltip>,
    },
    {
      title: t('selection.pools.nextReview'),
      key: 'review',
      width: 170,
      render: (_: unknown, m) => {
        const r = m.reviews.find((x) => x.doneOn === null);
        if (!r) return t('selection.pools.noReview');
        return (
          <Tooltip title={r.dueText}>
            <Space size={4}>
              {`${r.name} ${r.dueOn}`}
              {r.overdue ? <Tag color="red">{t('selection.pools.overdue')}</Tag> : null}
            </Space>
          </Tooltip>
        );
      },
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // on a phone the table scrolls sideways whole: a fixed column would leave the name alone beside it
      fixed: mobile ? undefined : 'right',
      width: 300,
      render: (_: unknown, m) => (
        <Space size={0} wrap>
          {m.kind === 'reserve' && (unit.orgKind === 'village' || unit.orgKind === 'community') ? (
            <Button type="link" size="small" onClick={() => flag(m)} data-testid={`pool-flag-${m.id}`}>
              {t(m.twoCommitteesCandidate ? 'selection.pools.unflag' : 'selection.pools.flag')}
            </Button>
          ) : null}
          {m.reviews.some((x) => x.doneOn === null) ? (
            <Button type="link" size="small" onClick={() => onReview(m)} data-testid={`pool-review-${m.id}`}>
              {t('selection.pools.record')}
            </Button>
          ) : null}
          <Button
            type="link"
            size="small"
            danger
            onClick={() => onLeave(m)}
            data-testid={`pool-leave-${m.id}`}
          >
            {t('selection.pools.leave')}
          </Button>
        </Space>
      ),
    });
  if (!unit.members.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.pools.noMembers')} />;
  return (
    <Table<PoolMember>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={unit.members}
      pagination={unit.members.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="pool-members"
    />
  );
}

function DueReviews({ kind, canManage }: { kind: PoolKind; canManage: boolean }) {
  const { t } = useTranslation();
  const due = useDueReviews(kind);
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null);
  const items = due.data?.items ?? [];
  type Row = (typeof items)[number];
  const columns: TableColumnsType<Row> = [
    { title: t('selection.pools.name'), dataIndex: 'name', width: 100 },
    { title: t('selection.pools.unitOrg'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('selection.pools.reviewName'),
      key: 'review',
      width: 110,
      render: (_: unknown, r) => r.review.name,
    },
    {
      title: t('selection.pools.dueOn'),
      key: 'due',
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4}>
          {r.review.dueOn}
          {r.review.overdue ? <Tag color="red">{t('selection.pools.overdue')}</Tag> : null}
        </Space>
      ),
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          data-testid={`pool-due-record-${r.review.id}`}
          onClick={() =>
            setReviewing({
              memberId: r.memberId,
              name: r.name,
              reviewId: r.review.id,
              review: r.review.name,
              dueOn: r.review.dueOn,
            })
          }
        >
          {t('selection.pools.record')}
        </Button>
      ),
    });
  return (
    <Card
      size="small"
      title={t('selection.pools.dueTitle')}
      extra={
        due.data ? (
          <Typography.Text type="secondary">
            {t('selection.pools.dueUntil', { until: due.data.until })}
          </Typography.Text>
        ) : null
      }
      data-testid="pool-due"
    >
      {due.isError ? <QueryError error={due.error} onRetry={() => void due.refetch()} /> : null}
      <Table<Row>
        rowKey={(r) => r.review.id}
        size="small"
        columns={columns}
        dataSource={items}
        loading={due.isFetching}
        locale={{ emptyText: t('selection.pools.dueEmpty') }}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
      />
      <ReviewModal target={reviewing} onClose={() => setReviewing(null)} />
    </Card>
  );
}

export default PoolsPage;
