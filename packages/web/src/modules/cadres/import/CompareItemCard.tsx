import { Alert, App, Button, Card, Empty, Flex, Radio, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  useApplyComparison,
  type CompareItem,
  type FieldDifference,
} from '../../../hooks/api/cadre-import.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { fieldErrorsOf } from '../form/cadre-form-values.ts';
import { displayValue } from './compare-values.ts';

const valueStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/**
 * One approval form against the registry's record: its differences, a keep/take choice per field
 * (keep by default) and 确认更新, which saves the record with the taken fields.
 */
export function CompareItemCard({ item }: { item: CompareItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const apply = useApplyComparison();
  const [taken, setTaken] = useState<ReadonlySet<string>>(() => new Set());
  const [done, setDone] = useState(false);
  const empty = t('common.empty');
  const { existingId } = item;

  const setChoice = (field: string, take: boolean) =>
    setTaken((prev) => {
      const next = new Set(prev);
      if (take) next.add(field);
      else next.delete(field);
      return next;
    });

  const confirm = () => {
    if (!existingId) return;
    const values = Object.fromEntries(
      item.differences
        .filter((d) => taken.has(d.field))
        .map((d) => [d.field, item.incoming[d.field] ?? d.incoming]),
    );
    apply.mutate(
      { id: existingId, values },
      {
        onSuccess: () => {
          setDone(true);
          void message.success(
            <span data-testid="compare-success-message">
              {t('cadreCompare.updated', { name: item.name })}{' '}
              {/* The message lives outside the router, so it navigates through the page's navigate(). */}
              <a
                href={`/cadres/${existingId}`}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(`/cadres/${existingId}`);
                }}
              >
                {t('cadreCompare.openRecord')}
              </a>
            </span>,
          );
        },
      },
    );
  };

  const columns: TableColumnsType<FieldDifference> = [
    { title: t('cadreCompare.field'), dataIndex: 'label', width: 130 },
    {
      title: t('cadreCompare.registry'),
      key: 'registry',
      render: (_v, d) => <div style={valueStyle}>{displayValue(t, d.field, d.registry) || empty}</div>,
    },
    {
      title: t('cadreCompare.incoming'),
      key: 'incoming',
      render: (_v, d) => <div style={valueStyle}>{displayValue(t, d.field, d.incoming) || empty}</div>,
    },
    {
      title: t('cadreCompare.choice'),
      key: 'choice',
      width: 130,
      render: (_v, d) => (
        <Radio.Group
          value={taken.has(d.field) ? 'take' : 'keep'}
          onChange={(e) => setChoice(d.field, e.target.value === 'take')}
          disabled={done}
          data-testid={`compare-choice-${d.field}`}
        >
          <Flex vertical gap={4}>
            <Radio value="keep">{t('cadreCompare.keep')}</Radio>
            <Radio value="take">{t('cadreCompare.take')}</Radio>
          </Flex>
        </Radio.Group>
      ),
    },
  ];

  const title = (
    <Flex gap={8} align="baseline" wrap>
      <span>{item.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {t('cadreCompare.file', { file: item.file })}
      </Typography.Text>
    </Flex>
  );

  if (!existingId) {
    return (
      <Card size="small" title={title} style={{ marginBottom: 16 }}>
        <Alert type="info" showIcon title={t('cadreCompare.notInRegistry')} />
      </Card>
    );
  }

  const problems = apply.isError
    ? fieldErrorsOf(apply.error).map((f) => `${f.name.join('.')}：${f.errors.join(t('common.listSep'))}`)
    : [];

  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={<Link to={`/cadres/${existingId}`}>{t('cadreCompare.openRecord')}</Link>}
    >
      {item.differences.length === 0 ? (
        <Empty description={t('cadreCompare.noDifferences')} />
      ) : (
        <>
          <Flex gap={8} style={{ marginBottom: 8 }} wrap>
            <Button size="small" disabled={done} onClick={() => setTaken(new Set())}>
              {t('cadreCompare.keepAll')}
            </Button>
            <Button
              size="small"
              disabled={done}
              onClick={() => setTaken(new Set(item.differences.map((d) => d.field)))}
            >
              {t('cadreCompare.takeAll')}
            </Button>
          </Flex>
          <Table<FieldDifference>
            rowKey="field"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={item.differences}
            scroll={{ x: 720 }}
            data-testid="compare-table"
          />
          {taken.has('appointments') && !done ? (
            <Alert
              type="warning"
              showIcon
              title={t('cadreCompare.appointmentsWarning')}
              style={{ marginTop: 12 }}
            />
          ) : null}
          {apply.isError ? (
            <Alert
              type="error"
              showIcon
              title={t('cadreCompare.updateFailed')}
              description={
                <>
                  <div>{errorMessage(apply.error)}</div>
                  {problems.map((p) => (
                    <div key={p}>{p}</div>
                  ))}
                </>
              }
              style={{ marginTop: 12 }}
              data-testid="compare-error"
            />
          ) : null}
          {done ? (
            <Alert
              type="success"
              showIcon
              title={t('cadreCompare.updated', { name: item.name })}
              description={t('cadreCompare.updatedDone')}
              action={<Link to={`/cadres/${existingId}`}>{t('cadreCompare.openRecord')}</Link>}
              style={{ marginTop: 12 }}
              data-testid="compare-done"
            />
          ) : (
            <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {taken.size > 0
                  ? t('cadreCompare.chosen', { count: taken.size })
                  : t('cadreCompare.nothingChosen')}
              </Typography.Text>
              <Button
                type="primary"
                disabled={taken.size === 0}
                loading={apply.isPending}
                onClick={confirm}
                data-testid="compare-confirm"
              >
                {t('cadreCompare.confirm')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
