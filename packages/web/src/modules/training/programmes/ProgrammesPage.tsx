import { PlusOutlined } from '@ant-design/icons';
import { can, type Programme } from '@ganbu/core';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useEnrolments, useProgrammes, useTrainingPolicy } from './api.ts';
import { OrgTreePicker, thisYear, YearSelect } from './common.tsx';
import { CreditText, ModeTag } from './labels.tsx';
import { ProgrammeCreateDrawer } from './ProgrammeCreateDrawer.tsx';

/**
 * 培训班次 (R-TRN-1): the year's programmes by kind and organiser — dates, credit (days, or hours turned into
 * days by the pack), how cadres get in (报名 / 竞争性选调 / 点名调训), how many are enrolled and attended; the
 * organisation department creates them.
 */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'training.manage');
  const policy = useTrainingPolicy();
  const [year, setYear] = useState(thisYear());
  const [kindId, setKindId] = useState<string | undefined>(undefined);
  const [organiserOrgId, setOrganiserOrgId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const list = useProgrammes({ year, kindId, organiserOrgId, page, pageSize });
  // 须派人员: a unit administrator's named cadres awaiting the unit's answer, across programmes
  const unitAdmin = can(me.roles, 'training.enrol') && !canManage;
  const mustSend = useEnrolments({ mustSend: true, page: 1, pageSize: 50 }, unitAdmin);
  const waiting = (mustSend.data?.items ?? []).filter((e) => e.status === 'named');

  const columns: TableColumnsType<Programme> = [
    {
      title: t('training.programmes.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Link to={`/training/programmes/${p.id}`} data-testid={`programme-link-${p.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('training.programmes.kind'), dataIndex: 'kindName', width: 110 },
    { title: t('training.programmes.organiser'), dataIndex: 'organiserName', ellipsis: true, width: 180 },
    {
      title: t('training.programmes.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, p) => t('training.programmes.dateRange', { start: p.startOn, end: p.endOn }),
    },
    {
      title: t('training.programmes.credit'),
      key: 'credit',
      width: 150,
      render: (_: unknown, p) => <CreditText programme={p} />,
    },
    {
      title: t('training.programmes.mode'),
      dataIndex: 'enrolmentMode',
      width: 110,
      render: (_: unknown, p) => <ModeTag mode={p.enrolmentMode} />,
    },
    {
      title: t('training.programmes.enrolledAttended'),
      key: 'counts',
      width: 120,
      align: 'right',
      render: (_: unknown, p) => (
        <span data-testid={`programme-counts-${p.id}`}>
          {p.enrolled} / {p.attended}
        </span>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('training.programmes.title')}
      extra={
        policy.data ? (
          <Typography.Text type="secondary" data-testid="programmes-pack">
            {t('training.programmes.packNote', {
              pack: policy.data.packName,
              hours: policy.data.hoursPerDay,
            })}
          </Typography.Text>
        ) : null
      }
    >
      {unitAdmin && waiting.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="programmes-must-send"
          title={t('training.programmes.enrol.mustSendAll', { count: waiting.length })}
          description={
            <Flex vertical gap={2}>
              {waiting.map((e) => (
                <span key={e.id}>
                  <Link to={`/training/programmes/${e.programmeId}`}>{e.programmeName}</Link>
                  {t('training.programmes.enrol.mustSendLine', { name: e.cadreName, unit: e.unitName })}
                </span>
              ))}
            </Flex>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center">
            <YearSelect
              value={year}
              onChange={(y) => {
                setYear(y);
                setPage(1);
              }}
              testId="programmes-year"
            />
            <Select<string>
              allowClear
              value={kindId}
              onChange={(v) => {
                setKindId(v);
                setPage(1);
              }}
              placeholder={t('training.programmes.allKinds')}
              options={(policy.data?.programmeKinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
              style={{ width: 160 }}
              data-testid="programmes-kind"
            />
            <OrgTreePicker
              value={organiserOrgId}
              onChange={(v) => {
                setOrganiserOrgId(typeof v === 'string' ? v : undefined);
                setPage(1);
              }}
              allowClear
              placeholder={t('training.programmes.allOrganisers')}
              width={260}
              testId="programmes-organiser"
            />
          </Flex>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="programme-create"
            >
              {t('training.programmes.create')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<Programme>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="programme-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage ? (
        <ProgrammeCreateDrawer open={creating} policy={policy.data} onClose={() => setCreating(false)} />
      ) : null}
    </PageContainer>
  );
}
