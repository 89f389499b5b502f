import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useMyLeave } from './api.ts';
import { LeaveRecordList } from './LeavePage.tsx';

/** 我的关爱 · 休假 (a cadre, often on a phone): this year's entitlement, days taken, balance and records. */
export function MyLeave() {
  const { t } = useTranslation();
  const year = chinaDay().year();
  const mine = useMyLeave(year);
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  const b = mine.data?.balance;
  const value = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n);
  return (
    <>
      <Card size="small" loading={mine.isPending} style={{ marginBottom: 12 }} data-testid="my-leave-balance">
        <Row gutter={[8, 8]}>
          <Col span={8}>
            <Statistic
              title={t('care.leave.mine.entitled')}
              value={value(b?.entitled)}
              suffix={t('care.leave.dayUnit')}
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('care.leave.mine.taken')}
              value={value(b?.takenAnnual)}
              suffix={t('care.leave.dayUnit')}
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('care.leave.mine.balance')}
              value={value(b?.balance)}
              suffix={t('care.leave.dayUnit')}
            />
          </Col>
        </Row>
        {b ? (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '8px 0 0', fontSize: 12 }}
            data-testid="my-leave-explanation"
          >
            {b.explanation}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {mine.data?.policy.recuperation ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('care.leave.recuperationHint', {
            min: mine.data.policy.recuperation.minDays,
            max: mine.data.policy.recuperation.maxDays,
          })}
        />
      ) : null}
      <Typography.Title level={5}>{t('care.leave.mine.records')}</Typography.Title>
      {mine.data ? <LeaveRecordList records={mine.data.records} /> : null}
    </>
  );
}
