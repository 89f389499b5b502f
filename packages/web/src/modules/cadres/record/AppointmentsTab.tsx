import type { CadreDetail } from '@ganbu/core';
import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

type Appointment = CadreDetail['appointments'][number];

/** 任职经历: the posts held, and the 简历 text derived from them. */
export function AppointmentsTab({ cadre }: { cadre: CadreDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');

  const columns: TableColumnsType<Appointment> = [
    {
      title: t('cadre.period'),
      key: 'period',
      width: 190,
      render: (_v, a) => `${a.start} — ${a.end ?? t('cadre.present')}`,
    },
    { title: t('cadre.unitName'), dataIndex: 'unitName', ellipsis: true },
    {
      title: t('cadre.appointmentTitle'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string) => v || empty,
    },
    {
      title: t('cadre.unitKind'),
      dataIndex: 'unitKind',
      width: 100,
      render: (v: Appointment['unitKind']) => (v ? t(`orgKinds.${v}`) : empty),
    },
    {
      title: t('cadre.roleKind'),
      dataIndex: 'roleKind',
      width: 150,
      render: (v: Appointment['roleKind']) => t(`roleKinds.${v}`),
    },
    {
      title: t('cadre.isLeadership'),
      dataIndex: 'isLeadership',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="gold">{t('common.yes')}</Tag> : t('common.no')),
    },
    { title: t('cadre.rank'), dataIndex: 'rank', width: 110, render: (v: string) => v || empty },
  ];

  return (
    <Flex vertical gap={16}>
      <Table<Appointment>
        rowKey={(a) => `${a.start}|${a.unitName}|${a.title}`}
        size="small"
        columns={columns}
        dataSource={cadre.appointments}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="cadre-appointments"
      />
      <div>
        <Typography.Title level={5}>{t('cadre.resume')}</Typography.Title>
        {cadre.resume.trim() ? (
          <pre className="cadre-resume" data-testid="cadre-resume">
            {cadre.resume}
          </pre>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('cadre.noResume')}
            data-testid="cadre-resume"
          />
        )}
      </div>
    </Flex>
  );
}
