import { LockOutlined } from '@ant-design/icons';
import type { CadreDetail } from '@ganbu/core';
import { Alert, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

type Member = CadreDetail['family'][number];

/** 家庭成员: masked (surname only, work unit hidden) unless the record was revealed. */
export function FamilyTab({ cadre }: { cadre: CadreDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const columns: TableColumnsType<Member> = [
    { title: t('cadre.relation'), dataIndex: 'relation', width: 90 },
    { title: t('cadre.familyName'), dataIndex: 'name', width: 110 },
    {
      title: t('cadre.birthDate'),
      dataIndex: 'birthDate',
      width: 110,
      render: (v: string | null) => v ?? empty,
    },
    {
      title: t('cadre.politicalStatus'),
      dataIndex: 'politicalStatus',
      width: 120,
      render: (v: string) => v || empty,
    },
    { title: t('cadre.workUnitAndPost'), dataIndex: 'workUnitAndPost', render: (v: string) => v || empty },
  ];
  return (
    <>
      {cadre.revealed ? null : (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title={t('cadre.familyMasked')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Member>
        rowKey={(m) => `${m.relation}|${m.name}|${m.birthDate ?? ''}`}
        size="small"
        columns={columns}
        dataSource={cadre.family}
        pagination={false}
        scroll={{ x: 700 }}
        data-testid="cadre-family"
      />
    </>
  );
}
