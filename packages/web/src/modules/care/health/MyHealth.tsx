import { Alert, Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useMyHealth } from './api.ts';

/** 我的关爱 · 体检: this year's plans the cadre is due under (done or not) and her checks on record. */
export function MyHealth() {
  const { t } = useTranslation();
  const mine = useMyHealth();
  if (mine.error) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Spin />;
  const { year, due, checks } = mine.data;
  return (
    <div data-testid="my-health">
      <Typography.Title level={5}>{t('care.health.mine.dueTitle', { year })}</Typography.Title>
      {due.length === 0 ? (
        <Empty description={t('care.health.mine.noneDue', { year })} />
      ) : (
        due.map((d) => (
          <Card key={d.planId} size="small" style={{ marginBottom: 8 }}>
            <Tag color={d.done ? 'green' : 'orange'}>
              {d.done ? t('care.health.mine.done') : t('care.health.mine.notDone')}
            </Tag>
            <Typography.Text>{d.explanation}</Typography.Text>
          </Card>
        ))
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('care.health.mine.checksTitle')}
      </Typography.Title>
      <List
        dataSource={checks}
        locale={{ emptyText: t('care.health.mine.noChecks') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={`${c.doneOn} · ${c.planName}`}
              description={
                c.followUp
                  ? t('care.health.mine.followUp', {
                      note: c.followUpNote || t('care.health.mine.followUpNoNote'),
                    })
                  : t('care.health.mine.noFollowUp')
              }
            />
          </List.Item>
        )}
      />
      <Alert type="info" showIcon title={t('care.health.noResults')} style={{ marginTop: 12 }} />
    </div>
  );
}
