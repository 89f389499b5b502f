import type { PracticePosting } from '@ganbu/core';
import { Empty, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useModuleTexts } from '../../../i18n/use-module-texts.ts';
import { trainingModule } from '../module.tsx';
import { usePostings } from './api.ts';
import { OutcomeText, PracticeStatusTag } from './vocab.tsx';

/** 实战历练 on the cadre record page: the cadre's postings with their outcome. */
export function CadrePracticeTab({ cadreId }: { cadreId: string }) {
  return useModuleTexts(trainingModule) ? <Body cadreId={cadreId} /> : <Skeleton active />;
}

function Body({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const postings = usePostings({ cadreId, page: 1, pageSize: 200 });
  if (postings.isPending) return <Skeleton active />;
  const items = postings.data?.items ?? [];
  if (items.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('training.practice.recordEmpty')}
        data-testid="cadre-practice"
      />
    );
  return (
    <Table<PracticePosting>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      data-testid="cadre-practice"
      columns={[
        { title: t('training.practice.kind'), dataIndex: 'kindName', width: 100 },
        { title: t('training.practice.post'), dataIndex: 'post' },
        {
          title: t('training.practice.host'),
          dataIndex: 'hostName',
          render: (v: string) => v || t('common.empty'),
        },
        {
          title: t('training.practice.period'),
          key: 'period',
          render: (_: unknown, p) => `${p.startedOn} – ${p.endsOn}`,
        },
        {
          title: t('training.practice.status'),
          key: 'status',
          render: (_: unknown, p) => <PracticeStatusTag status={p.status} />,
        },
        {
          title: t('training.practice.outcome'),
          key: 'outcome',
          render: (_: unknown, p) => <OutcomeText posting={p} />,
        },
      ]}
    />
  );
}
