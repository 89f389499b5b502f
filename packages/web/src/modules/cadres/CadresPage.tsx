import { Card, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCadres, type CadreRow } from '../../hooks/api/cadres.ts';
import { formatDate } from '../../lib/format.ts';

/** 干部名册: read-only roster within the user's scope. */
export function CadresPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const cadres = useCadres({ q: q || undefined, page, pageSize });

  const columns: TableColumnsType<CadreRow> = [
    { title: t('cadres.name'), dataIndex: 'name', width: 120 },
    {
      title: t('cadres.gender'),
      dataIndex: 'gender',
      width: 80,
      render: (v: CadreRow['gender']) => t(`gender.${v}`),
    },
    {
      title: t('cadres.birthDate'),
      dataIndex: 'birthDate',
      width: 130,
      render: (v: string) => formatDate(v),
    },
    { title: t('cadres.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('cadres.postTitle'), dataIndex: 'postTitle', ellipsis: true },
  ];

  return (
    <PageContainer title={t('cadres.title')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={t('common.search')}
          placeholder={t('cadres.searchPlaceholder')}
          style={{ maxWidth: 420 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="cadre-search"
        />
      </Card>
      {cadres.isError ? <QueryError error={cadres.error} onRetry={() => void cadres.refetch()} /> : null}
      <Card size="small">
        <Table<CadreRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cadres.data?.items ?? []}
          loading={cadres.isFetching}
          scroll={{ x: 700 }}
          data-testid="cadre-table"
          pagination={{
            current: page,
            pageSize,
            total: cadres.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
    </PageContainer>
  );
}

export default CadresPage;
