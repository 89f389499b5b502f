import { DownloadOutlined } from '@ant-design/icons';
import type { EstablishmentUnit } from '@ganbu/core';
import { Alert, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { UnitPicker } from '../../selection/after/common.tsx';
import { downloadXlsx, useEstablishment } from './api.ts';

const P = 'burden.staffing.establishment';

/**
 * 专编专用: per protected unit (Fengze: streets) its establishment, the people on it, those of them working
 * elsewhere and those working there on another unit's establishment — each row explained; a row opens to
 * the people (each a link to their record).
 */
export default function EstablishmentPage() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<string | undefined>();
  const report = useEstablishment(orgId);

  const kinds = (e: Record<string, number>) =>
    Object.entries(e)
      .map(([k, n]) => `${t(`${P}.kinds.${k}`, { defaultValue: k })} ${n}`)
      .join('，');
  const columns: TableColumnsType<EstablishmentUnit> = [
    { title: t(`${P}.unit`), dataIndex: 'orgName', width: 160, fixed: 'left' },
    {
      title: t(`${P}.establishment`),
      key: 'establishment',
      width: 240,
      render: (_: unknown, u) => `${u.establishmentTotal}（${kinds(u.establishment) || t(`${P}.none`)}）`,
    },
    { title: t(`${P}.onEstablishment`), dataIndex: 'onEstablishment', width: 120, align: 'right' },
    {
      title: t(`${P}.workingElsewhere`),
      key: 'away',
      width: 130,
      align: 'right',
      render: (_: unknown, u) =>
        u.workingElsewhere.length ? (
          <Tag color="red" data-testid={`est-away-${u.orgId}`}>
            {t(`${P}.people`, { count: u.workingElsewhere.length })}
          </Tag>
        ) : (
          0
        ),
    },
    {
      title: t(`${P}.fromElsewhere`),
      key: 'hosted',
      width: 130,
      align: 'right',
      render: (_: unknown, u) =>
        u.fromElsewhere.length ? (
          <Tag color="orange">{t(`${P}.people`, { count: u.fromElsewhere.length })}</Tag>
        ) : (
          0
        ),
    },
  ];

  const people = (title: string, other: string, list: EstablishmentUnit['workingElsewhere']) =>
    list.length ? (
      <div>
        <Typography.Text strong>{title}</Typography.Text>
        <Table
          rowKey="cadreId"
          size="small"
          pagination={false}
          dataSource={list}
          columns={[
            {
              title: t(`${P}.person`),
              dataIndex: 'name',
              width: 120,
              render: (name: string, p) => <Link to={`/cadres/${p.cadreId}`}>{name}</Link>,
            },
            { title: other, dataIndex: 'orgName' },
          ]}
        />
      </div>
    ) : null;

  return (
    <PageContainer
      title={t(`${P}.title`)}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadXlsx('/api/burden/establishment/export.xlsx', { orgId }, '专编专用情况表.xlsx')
          }
        >
          {t(`${P}.export`)}
        </Button>
      }
    >
      {report.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={report.data.explanation} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <div style={{ width: 260 }}>
            <UnitPicker value={orgId} onChange={setOrgId} testId="est-org" placeholder={t(`${P}.allUnits`)} />
          </div>
          {report.data ? (
            <Tag color={report.data.occupied ? 'red' : 'green'} data-testid="est-occupied">
              {t(`${P}.occupied`, { count: report.data.occupied })}
            </Tag>
          ) : null}
        </Flex>
      </Card>
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      <Card size="small">
        <Table<EstablishmentUnit>
          rowKey="orgId"
          size="middle"
          columns={columns}
          dataSource={report.data?.units}
          loading={report.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="est-table"
          expandable={{
            expandedRowRender: (u) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Paragraph style={{ margin: 0 }}>{u.explanation}</Typography.Paragraph>
                {people(t(`${P}.workingElsewhere`), t(`${P}.where`), u.workingElsewhere)}
                {people(t(`${P}.fromElsewhere`), t(`${P}.whose`), u.fromElsewhere)}
              </Space>
            ),
          }}
        />
      </Card>
    </PageContainer>
  );
}
