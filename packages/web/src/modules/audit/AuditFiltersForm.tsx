import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS, type AuditLocale } from '@ganbu/core';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select, Space, type GetProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../hooks/api/audit.ts';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface Values {
  range?: RangeValue;
  actor?: string;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure' | 'all';
}

function text(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}

/** Query form above the audit table: actions and object types picked by name, filtered by code. */
export function AuditFiltersForm({
  locale,
  onSearch,
}: {
  locale: AuditLocale;
  onSearch: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const actionOptions = useMemo(
    () =>
      Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({
        value: code,
        label: `${label[locale]}（${code}）`,
      })),
    [locale],
  );
  const objectTypeOptions = useMemo(
    () =>
      Object.entries(AUDIT_OBJECT_TYPE_LABELS).map(([code, label]) => ({
        value: code,
        label: label[locale],
      })),
    [locale],
  );

  const submit = (v: Values) => {
    const [from, to] = v.range ?? [];
    onSearch({
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
      actor: text(v.actor),
      action: text(v.action),
      objectType: text(v.objectType),
      result: v.result === 'success' || v.result === 'failure' ? v.result : undefined,
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ result: 'all' }}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={[t('audit.startTime'), t('audit.endTime')]}
              style={{ width: '100%' }}
              data-testid="audit-filter-range"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6} xl={4}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-filter-actor" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6} xl={4}>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              allowClear
              options={actionOptions}
              placeholder={t('audit.actionPlaceholder')}
              showSearch={{
                filterOption: (input, option) =>
                  (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()),
              }}
              popupMatchSelectWidth={320}
              data-testid="audit-filter-action"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6} xl={4}>
          <Form.Item name="objectType" label={t('audit.objectType')}>
            <Select
              allowClear
              options={objectTypeOptions}
              placeholder={t('audit.objectTypePlaceholder')}
              data-testid="audit-filter-object-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6} xl={4}>
          <Form.Item name="result" label={t('audit.result')}>
            <Select
              data-testid="audit-filter-result"
              options={[
                { value: 'all', label: t('audit.resultAll') },
                { value: 'success', label: t('audit.success') },
                { value: 'failure', label: t('audit.failure') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col
          xs={24}
          md={12}
          xl={24}
          style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'flex-end' }}
        >
          <Form.Item>
            <Space>
              <Button
                onClick={() => {
                  form.resetFields();
                  submit({ result: 'all' });
                }}
              >
                {t('common.reset')}
              </Button>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('common.search')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
