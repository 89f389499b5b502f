import { PlusOutlined } from '@ant-design/icons';
import { can, type DisciplineRecord } from '@ganbu/core';
import { Button, Select, TreeSelect, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../lib/org-tree.ts';
import { useDisciplineKinds, useRecords } from './api.ts';
import { RecordDrawer } from './RecordDrawer.tsx';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { RegisterList } from './RegisterList.tsx';
import { RecordStateTag, useKindLabel } from './vocab.tsx';

const YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

/** 从严管理记录: the records in scope with filters (kind, year, unit, name); detail and attachments in a drawer. */
export function RecordsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'discipline.write');
  const [kind, setKind] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<DisciplineRecord | null>(null);
  const records = useRecords({ kind, year, unitId, q: q || undefined, page, pageSize });
  const kinds = useDisciplineKinds();
  const label = useKindLabel();
  const orgs = useOrgs();
  const tree = useMemo(() => toTreeSelectData(buildOrgTree(orgs.data ?? []), () => false), [orgs.data]);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const columns: TableColumnsType<DisciplineRecord> = [
    { title: t('discipline.records.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('discipline.records.unit'), dataIndex: 'unitName', ellipsis: true, width: 120 },
    {
      title: t('discipline.records.kind'),
      key: 'kind',
      width: 170,
      render: (_: unknown, r) => label(r.kind, r.grade),
    },
    { title: t('discipline.records.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    { title: t('discipline.records.decidedBy'), dataIndex: 'decidedBy', width: 110 },
    { title: t('discipline.records.documentNo'), dataIndex: 'documentNo', width: 140 },
    { title: t('discipline.records.facts'), dataIndex: 'facts', ellipsis: true, width: 200 },
    {
      title: t('discipline.records.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, r) => <RecordStateTag record={r} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setOpen(r)} data-testid={`record-open-${r.id}`}>
          {t('discipline.records.detail')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('discipline.records.title')}
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="record-create"
          >
            {t('discipline.records.create')}
          </Button>
        ) : null
      }
    >
      <RegisterList<DisciplineRecord>
        filters={
          <>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('discipline.records.allKinds')}
              value={kind}
              onChange={reset(setKind)}
              options={(kinds.data?.items ?? []).map((k) => ({ value: k.id, label: label(k.id, null) }))}
              data-testid="record-filter-kind"
            />
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('discipline.records.year')}
              value={year}
              onChange={reset(setYear)}
              options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            />
            <TreeSelect
              allowClear
              style={{ width: 220 }}
              placeholder={t('discipline.records.unitFilter')}
              value={unitId}
              onChange={reset(setUnitId)}
              treeData={tree}
              showSearch={{ treeNodeFilterProp: 'title' }}
            />
          </>
        }
        searchPlaceholder={t('discipline.records.searchPlaceholder')}
        onSearch={(v) => reset(setQ)(v)}
        query={records}
        columns={columns}
        testId="record-table"
        page={page}
        pageSize={pageSize}
        sizeChanger
        onPage={(p, size) => {
          setPage(size !== pageSize ? 1 : p);
          setPageSize(size);
        }}
      />
      {canWrite ? <RecordFormDrawer open={creating} onClose={() => setCreating(false)} /> : null}
      <RecordDrawer record={open} canWrite={canWrite} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}

export default RecordsPage;
