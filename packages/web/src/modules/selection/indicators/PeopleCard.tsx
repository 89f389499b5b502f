import { TeamOutlined } from '@ant-design/icons';
import {
  INDICATOR_PARTS,
  type IndicatorBreakdown,
  type IndicatorPart,
  type IndicatorPerson,
} from '@ganbu/core';
import { Button, Card, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIndicatorPeople } from './api.ts';
import { rosterPath } from './scope-url.ts';

const PAGE_SIZE = 20;

/** How many people a part holds, from the figures the breakdown already has. */
function partCount(data: IndicatorBreakdown, part: IndicatorPart): number {
  const v = data.indicator;
  switch (part) {
    case 'numerator':
      return v.numerator;
    case 'population':
      return v.population;
    case 'rest':
      return v.population - v.numerator;
  }
}

/** The people behind the number (分子 / 总体 / 其余) and the roster opened filtered to exactly them. */
export function PeopleCard({ id, data }: { id: string; data: IndicatorBreakdown }) {
  const { t } = useTranslation();
  const [part, setPart] = useState<IndicatorPart>('numerator');
  const [page, setPage] = useState(1);
  const people = useIndicatorPeople(id, {
    orgId: data.orgId,
    asOf: data.asOf,
    part,
    page,
    pageSize: PAGE_SIZE,
  });
  const p = 'selection.indicators.people';

  const columns: TableColumnsType<IndicatorPerson> = [
    {
      title: t(`${p}.name`),
      key: 'name',
      width: 110,
      render: (_: unknown, r) => <Link to={`/cadres/${r.cadreId}`}>{r.name}</Link>,
    },
    { title: t(`${p}.unit`), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t(`${p}.post`), dataIndex: 'postTitle', width: 220, ellipsis: true },
    { title: t(`${p}.rank`), dataIndex: 'rank', width: 110 },
    {
      title: t(`${p}.age`),
      key: 'age',
      width: 70,
      align: 'right',
      render: (_: unknown, r) => r.age ?? '—',
    },
    {
      title: t(`${p}.inNumerator`),
      key: 'in',
      width: 110,
      render: (_: unknown, r) =>
        r.inNumerator ? <Tag color="green">{t(`${p}.meets`)}</Tag> : <Tag>{t(`${p}.notMeets`)}</Tag>,
    },
  ];

  return (
    <Card
      size="small"
      title={
        <span>
          <TeamOutlined /> {t(`${p}.title`, { name: data.orgName })}
        </span>
      }
      extra={
        <Link to={rosterPath(id, part, data.orgId, data.asOf)} data-testid="indicator-roster">
          <Button size="small">{t(`${p}.roster`)}</Button>
        </Link>
      }
      data-testid="indicator-people"
    >
      <Tabs
        activeKey={part}
        onChange={(k) => {
          setPart(k as IndicatorPart);
          setPage(1);
        }}
        items={INDICATOR_PARTS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`indicator-part-${k}`}>{t(`${p}.parts.${k}`, { n: partCount(data, k) })}</span>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(`${p}.hint.${part}`, {
          population: data.indicator.populationText,
          numerator: data.indicator.numeratorText,
        })}
      </Typography.Paragraph>
      {people.isError ? <QueryError error={people.error} onRetry={() => void people.refetch()} /> : null}
      <Table<IndicatorPerson>
        rowKey="cadreId"
        size="small"
        columns={columns}
        dataSource={people.data?.items}
        loading={people.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: people.isPending ? ' ' : t(`${p}.empty`) }}
        data-testid="indicator-people-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}
