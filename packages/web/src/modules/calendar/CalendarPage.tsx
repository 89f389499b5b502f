import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import {
  can,
  CALENDAR_FIRST_YEAR as FIRST_YEAR,
  CALENDAR_LAST_YEAR as LAST_YEAR,
  chinaToday,
  type CalendarOverrideRecord,
} from '@ganbu/core';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCalendarOverrides, useCalendarYear, useDeleteOverride } from './api.ts';
import { DeadlineCalculator } from './DeadlineCalculator.tsx';
import { MonthGrid, useDayColours } from './MonthGrid.tsx';
import { OverrideFormDrawer } from './OverrideFormDrawer.tsx';
import { calendarErrorText } from './problem-text.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 工作日历: a year's holidays and make-up workdays, the district's overrides, and the deadline calculator. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const canWrite = can(me.roles, 'calendar.write');
  const colours = useDayColours();
  const [search, setSearch] = useSearchParams();
  const thisYear = Number(chinaToday(new Date()).slice(0, 4));
  const asked = Number(search.get('year'));
  const year = asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : thisYear;
  const setYear = (y: number) => setSearch({ year: String(y) }, { replace: true });
  const [adding, setAdding] = useState(false);
  const calendar = useCalendarYear(year);
  const overrides = useCalendarOverrides();
  const remove = useDeleteOverride();
  const data = calendar.data;

  const confirmDelete = (o: CalendarOverrideRecord) =>
    modal.confirm({
      title: t('calendar.deleteConfirm', { date: o.date }),
      content: o.note,
      onOk: () =>
        remove
          .mutateAsync(o.date)
          .then(() => void message.success(t('calendar.overrideDeleted')))
          .catch((e: unknown) => void message.error(calendarErrorText(e, t))),
    });

  const years = Array.from(
    { length: Math.min(thisYear + 2, LAST_YEAR) - FIRST_YEAR + 1 },
    (_, i) => FIRST_YEAR + i,
  )
    .reverse()
    .map((y) => ({ value: y, label: t('calendar.year', { year: y }) }));

  const legend: [keyof typeof colours, string][] = [
    ['holiday', t('calendar.legend.holiday')],
    ['makeup-workday', t('calendar.legend.makeupWorkday')],
    ['override-holiday', t('calendar.legend.overrideHoliday')],
    ['override-workday', t('calendar.legend.overrideWorkday')],
  ];

  return (
    <PageContainer
      title={t('calendar.title')}
      extra={
        <Space.Compact>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('calendar.prevYear')}
            disabled={year <= FIRST_YEAR}
            onClick={() => setYear(year - 1)}
            data-testid="cal-prev-year"
          />
          <Select
            value={year}
            options={years}
            onChange={setYear}
            style={{ width: 110 }}
            data-testid="cal-year"
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('calendar.nextYear')}
            disabled={year >= LAST_YEAR}
            onClick={() => setYear(year + 1)}
            data-testid="cal-next-year"
          />
        </Space.Compact>
      }
    >
      {data?.schedule === 'statutory-only' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendar.unpublished', { year })}
          description={t('calendar.unpublishedHint')}
          data-testid="cal-unpublished"
        />
      ) : null}
      {calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 8, fontSize: 12 }}>
            {data?.schedule === 'published' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('calendar.published', { year })}
              </Typography.Text>
            ) : null}
            {legend.map(([reason, label]) => (
              <Space key={reason} size={4}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 12,
                    height: 12,
                    borderRadius: 3,
                    background: colours[reason].bg,
                    border: `1px solid ${colours[reason].fg}`,
                  }}
                />
                {label}
              </Space>
            ))}
          </Flex>
          <Spin spinning={calendar.isFetching}>
            <Row gutter={[8, 8]} data-testid="cal-months">
              {MONTHS.map((m) => (
                <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                  <MonthGrid
                    year={year}
                    month={m}
                    days={(data?.days ?? []).filter(
                      (d) => Number(d.date.slice(5, 7)) === m && data?.year === year,
                    )}
                  />
                </Col>
              ))}
            </Row>
          </Spin>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <DeadlineCalculator />
            <Card
              size="small"
              title={t('calendar.overrides')}
              extra={
                canWrite ? (
                  <Button
                    type="primary"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setAdding(true)}
                    data-testid="cal-override-add"
                  >
                    {t('calendar.addOverride')}
                  </Button>
                ) : null
              }
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('calendar.overridesHint')}
              </Typography.Paragraph>
              {overrides.isError ? (
                <QueryError error={overrides.error} onRetry={() => void overrides.refetch()} />
              ) : null}
              <Table<CalendarOverrideRecord>
                rowKey="date"
                size="small"
                pagination={false}
                loading={overrides.isFetching}
                dataSource={overrides.data}
                locale={{ emptyText: t('calendar.noOverrides') }}
                data-testid="cal-overrides"
                columns={[
                  { title: t('calendar.date'), dataIndex: 'date', width: 100 },
                  {
                    title: t('calendar.kind'),
                    dataIndex: 'kind',
                    width: 70,
                    render: (k: CalendarOverrideRecord['kind']) => {
                      const c = colours[k === 'holiday' ? 'override-holiday' : 'override-workday'];
                      return (
                        <Tag color={c.bg} style={{ color: c.fg }}>
                          {t(k === 'holiday' ? 'calendar.kindHoliday' : 'calendar.kindWorkday')}
                        </Tag>
                      );
                    },
                  },
                  { title: t('calendar.note'), dataIndex: 'note', ellipsis: true },
                  ...(canWrite
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          width: 64,
                          render: (_: unknown, o: CalendarOverrideRecord) => (
                            <Button
                              type="link"
                              size="small"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('calendar.deleteConfirm', { date: o.date })}
                              onClick={() => confirmDelete(o)}
                              data-testid={`cal-override-delete-${o.date}`}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
      {canWrite ? <OverrideFormDrawer open={adding} onClose={() => setAdding(false)} /> : null}
    </PageContainer>
  );
}

export default CalendarPage;
