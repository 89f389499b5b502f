import { formatYuan, type PayStatistic } from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { usePayStatistics, useSavePayStatistic } from './api.ts';
import { yuanTextToFen } from './yuan.ts';

/** the statistics a pack's rule may refer to (a pack's floor names one: rural-income-per-capita) */
const STATISTIC_KEYS: readonly string[] = ['rural-income-per-capita'] as const;
type StatisticKey = 'rural-income-per-capita';

interface FormValues {
  key: string;
  year: number;
  value: string;
  source: string;
}

/** 统计数据: the figures a policy refers to, one per year with its source; 组织部 adds or changes one. */
export function StatisticsCard({ canEdit, year }: { canEdit: boolean; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = usePayStatistics();
  const save = useSavePayStatistic();
  const [form] = Form.useForm<FormValues>();
  const keyName = (key: string): string =>
    STATISTIC_KEYS.includes(key) ? t(`pay.tables.statistics.keys.${key as StatisticKey}`) : key;

  const columns: TableColumnsType<PayStatistic> = [
    {
      title: t('pay.tables.statistics.key'),
      dataIndex: 'key',
      width: 220,
      render: (k: string) => keyName(k),
    },
    { title: t('pay.tables.statistics.year'), dataIndex: 'year', width: 80 },
    {
      title: t('pay.tables.statistics.value'),
      dataIndex: 'valueFen',
      width: 140,
      align: 'right',
      render: (v: number) => formatYuan(v),
    },
    { title: t('pay.tables.statistics.source'), dataIndex: 'source' },
  ];

  const onFinish = (v: FormValues) =>
    save.mutate(
      { key: v.key, year: v.year, valueFen: yuanTextToFen(v.value) as number, source: v.source.trim() },
      {
        onSuccess: () => {
          void message.success(t('pay.tables.statistics.saved'));
          form.resetFields(['value', 'source']);
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <Card title={t('pay.tables.statistics.title')} data-testid="pay-statistics">
      <Typography.Paragraph type="secondary">{t('pay.tables.statistics.intro')}</Typography.Paragraph>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table
        rowKey={(s) => `${s.key}/${s.year}`}
        size="small"
        bordered
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        pagination={false}
        locale={{ emptyText: t('pay.tables.statistics.empty') }}
      />
      {canEdit ? (
        <Form<FormValues>
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ key: STATISTIC_KEYS[0], year: year - 1 }}
          onFinish={onFinish}
          data-testid="pay-statistic-form"
        >
          <Form.Item name="key" label={t('pay.tables.statistics.key')}>
            <Select
              style={{ width: 220 }}
              options={STATISTIC_KEYS.map((k) => ({ value: k, label: keyName(k) }))}
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('pay.tables.statistics.year')}
            rules={[{ required: true, message: t('pay.tables.statistics.required') }]}
          >
            <InputNumber min={1990} max={2100} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('pay.tables.statistics.value')}
            rules={[
              { required: true, message: t('pay.tables.statistics.required') },
              {
                validator: (_, v: string | undefined) =>
                  !v || yuanTextToFen(v) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('pay.tables.badAmount'))),
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('pay.tables.statistics.source')}
            rules={[{ required: true, whitespace: true, message: t('pay.tables.statistics.required') }]}
          >
            <Input
              maxLength={200}
              placeholder={t('pay.tables.statistics.sourcePlaceholder')}
              style={{ width: 340 }}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('pay.tables.statistics.add')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </Card>
  );
}
