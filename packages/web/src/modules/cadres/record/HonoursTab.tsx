import { CadreHonourListSchema, type CadreHonour } from '@ganbu/core';
import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { api } from '../../../lib/http.ts';

/** 表彰奖励 on the cadre record page: the decided honours of the cadre (精神激励), newest first. */
export function HonoursTab({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const honours = useQuery({
    queryKey: ['cadres', cadreId, 'honours'],
    queryFn: () => api.get(CadreHonourListSchema, `/api/cadres/${cadreId}/honours`),
  });
  if (honours.isPending) return <Skeleton active />;
  if (honours.isError) return <QueryError error={honours.error} onRetry={() => void honours.refetch()} />;
  const items = honours.data.items;
  if (items.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('cadre.honours.empty')}
        data-testid="cadre-honours"
      />
    );
  return (
    <Table<CadreHonour>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      data-testid="cadre-honours"
      columns={[
        { title: t('cadre.honours.year'), dataIndex: 'year', width: 80 },
        {
          title: t('cadre.honours.kind'),
          dataIndex: 'kindName',
          width: 120,
          render: (v: string) => <Tag color="gold">{v}</Tag>,
        },
        { title: t('cadre.honours.batch'), dataIndex: 'batchName' },
        { title: t('cadre.honours.decidedOn'), dataIndex: 'decidedOn', width: 120 },
        { title: t('cadre.honours.documentNumber'), dataIndex: 'documentNumber', width: 160 },
        { title: t('cadre.honours.deeds'), dataIndex: 'deeds', ellipsis: true },
      ]}
    />
  );
}
