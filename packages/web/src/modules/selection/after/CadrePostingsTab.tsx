import { Empty, Skeleton, Table, Tag } from 'antd';
import type { Exchange } from '@ganbu/core';
import { useTranslation } from 'react-i18next';
import { useModuleTexts } from '../../../i18n/use-module-texts.ts';
import { selectionModule } from '../module.tsx';
import { useExchanges } from './api.ts';

/** 交流挂职 on the cadre record page: the cadre's postings (a 挂职 keeps the record at home, so it shows here). */
export function CadrePostingsTab({ cadreId }: { cadreId: string }) {
  return useModuleTexts(selectionModule) ? <Body cadreId={cadreId} /> : <Skeleton active />;
}

function Body({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const postings = useExchanges({ cadreId, page: 1, pageSize: 200 });
  if (postings.isPending) return <Skeleton active />;
  const items = postings.data?.items ?? [];
  if (items.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('common.empty')}
        data-testid="cadre-postings"
      />
    );
  return (
    <Table<Exchange>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      data-testid="cadre-postings"
      columns={[
        { title: t('selection.after.exchanges.batchYear'), dataIndex: 'batchYear', width: 90 },
        { title: t('selection.after.exchanges.kind'), dataIndex: 'kindName', width: 90 },
        { title: t('selection.after.exchanges.host'), dataIndex: 'hostOrgName' },
        { title: t('selection.after.exchanges.hostPost'), dataIndex: 'hostPost' },
        {
          title: t('selection.after.exchanges.period'),
          key: 'period',
          render: (_: unknown, e) => (
            <>
              {`${e.startOn} – ${e.endedOn ?? e.endOn} `}
              {e.status === 'ended' ? (
                <Tag>{t('selection.after.exchanges.ended')}</Tag>
              ) : (
                <Tag color="green">{t('selection.after.exchanges.active')}</Tag>
              )}
            </>
          ),
        },
        { title: t('selection.after.exchanges.outcome'), dataIndex: 'outcome' },
      ]}
    />
  );
}
