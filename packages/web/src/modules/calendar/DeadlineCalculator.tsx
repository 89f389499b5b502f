import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkingPeriod } from './api.ts';
import { dayName, useDayColours } from './MonthGrid.tsx';
import { calendarErrorText } from './problem-text.ts';

interface Values {
  from?: Dayjs;
  n?: number;
}

/** 期限计算: the day a period of n working days from a start day ends, with the days off it steps over. */
export function DeadlineCalculator() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const colours = useDayColours();
  const [query, setQuery] = useState<{ from: string; n: number } | null>(null);
  const period = useWorkingPeriod(query);
  const weekdayNames = t('calendar.weekdayNames').split(',');
  const p = period.data;

  return (
    <Card size="small" title={t('calendar.calculator')} data-testid="cal-calculator">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.calculatorHint')}
      </Typography.Paragraph>
      <Form<Values>
        layout="inline"
        initialValues={{ from: dayjs(), n: 5 }}
        onFinish={(v) => {
          if (v.from && v.n) setQuery({ from: v.from.format('YYYY-MM-DD'), n: v.n });
        }}
      >
        <Form.Item
          name="from"
          label={t('calendar.from')}
          rules={[{ required: true, message: t('calendar.dateRequired') }]}
        >
          <DatePicker allowClear={false} style={{ width: 140 }} data-testid="cal-calc-from" />
        </Form.Item>
        <Form.Item name="n" label={t('calendar.n')} rules={[{ required: true }]}>
          <InputNumber min={1} max={366} precision={0} style={{ width: 80 }} data-testid="cal-calc-n" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={period.isFetching} data-testid="cal-calc-submit">
            {t('calendar.compute')}
          </Button>
        </Form.Item>
      </Form>
      {period.isError ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={calendarErrorText(period.error, t)} />
      ) : null}
      {p ? (
        <div style={{ marginTop: 12 }} data-testid="cal-calc-result">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('calendar.endsOn')}>
              <Typography.Text strong data-testid="cal-calc-end">
                {t('calendar.endsOnValue', {
                  date: p.date,
                  weekday: weekdayNames[dayjs(p.date).day()] ?? '',
                })}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {p.unpublishedYears.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('calendar.unpublishedIn', { years: p.unpublishedYears.join(t('common.enumSep')) })}
            />
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.skipped.length > 0
              ? t('calendar.skipped', { count: p.skipped.length })
              : t('calendar.noneSkipped')}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }} data-testid="cal-calc-skipped">
            {p.skipped.map((d) => (
              <Tag
                key={d.date}
                color={d.reason === 'weekend' ? undefined : colours[d.reason].bg}
                style={{ color: colours[d.reason].fg, marginInlineEnd: 0 }}
              >
                <Space size={4}>
                  {d.date.slice(5)}
                  {d.reason === 'weekend' ? t('calendar.reasons.weekend') : dayName(d, english)}
                </Space>
              </Tag>
            ))}
          </Flex>
        </div>
      ) : null}
    </Card>
  );
}
