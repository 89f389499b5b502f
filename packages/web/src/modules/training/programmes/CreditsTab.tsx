import type { AttendanceRecord, Programme } from '@ganbu/core';
import { Alert, Card, Popover, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useAttendance } from './api.ts';
import { fmtDays } from './common.tsx';

interface Credit {
  cadreId: string;
  cadreName: string;
  attended: number;
  absent: number;
  creditDays: number;
  records: AttendanceRecord[];
}

/** 学时学分: each person's credit from this programme, summed over the attendance recorded, with each line's sentence. */
export function CreditsTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const recorded = useAttendance(p.id);
  const rows = useMemo(() => {
    const by = new Map<string, Credit>();
    for (const r of recorded.data?.items ?? []) {
      const c = by.get(r.cadreId) ?? {
        cadreId: r.cadreId,
        cadreName: r.cadreName,
        attended: 0,
        absent: 0,
        creditDays: 0,
        records: [],
      };
      if (r.attended) {
        c.attended += 1;
        c.creditDays += r.creditDays;
      } else c.absent += 1;
      c.records.push(r);
      by.set(r.cadreId, c);
    }
    return [...by.values()].sort(
      (a, b) => b.creditDays - a.creditDays || a.cadreName.localeCompare(b.cadreName, 'zh-CN'),
    );
  }, [recorded.data]);

  const columns: TableColumnsType<Credit> = [
    { title: t('training.programmes.enrol.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('training.programmes.credits.attended'), dataIndex: 'attended', width: 100, align: 'right' },
    { title: t('training.programmes.credits.absent'), dataIndex: 'absent', width: 100, align: 'right' },
    {
      title: t('training.programmes.credits.days'),
      dataIndex: 'creditDays',
      width: 120,
      align: 'right',
      render: (n: number, c) => (
        <Popover
          trigger={['hover', 'click']}
          content={
            <div style={{ maxWidth: 420 }}>
              {c.records.map((r) => (
                <Typography.Paragraph key={`${r.sessionId ?? 'whole'}-${r.on}`} style={{ marginBottom: 4 }}>
                  {r.on} {r.sessionTitle ?? t('training.programmes.attendance.whole')}：{r.explanation}
                </Typography.Paragraph>
              ))}
            </div>
          }
        >
          <Typography.Text strong style={{ cursor: 'help' }} data-testid={`credit-days-${c.cadreId}`}>
            {fmtDays(n)}
          </Typography.Text>
        </Popover>
      ),
    },
  ];

  return (
    <>
      {recorded.isError ? (
        <QueryError error={recorded.error} onRetry={() => void recorded.refetch()} />
      ) : null}
      <Card size="small">
        {rows.length === 0 && !recorded.isPending ? (
          <Alert type="info" showIcon title={t('training.programmes.credits.none')} />
        ) : (
          <Table<Credit>
            rowKey="cadreId"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={recorded.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="credit-table"
          />
        )}
      </Card>
    </>
  );
}
