import { PoolNominateSchema, type PoolKind, type PoolLevelView } from '@ganbu/core';
import { Alert, App, DatePicker, Form, Input, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useEntryCheck, useNominate } from './api.ts';

interface Values {
  cadreId?: string;
  level?: string;
  reason: string;
  enteredOn: Dayjs;
}

/** The clauses a refusal names (POOL_CONDITION_UNMET carries them in `details.unmet`). */
function unmetOf(err: unknown): string[] {
  if (!isApiError(err) || err.code !== 'POOL_CONDITION_UNMET') return [];
  const d = err.details as { unmet?: unknown } | null;
  return Array.isArray(d?.unmet) ? d.unmet.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * 推荐入库: a cadre from the roster, the level (the pack's levels of this kind), the reason and the day. Once
 * a cadre and a level are chosen, the conditions are checked on the server and shown in Chinese — each
 * clause not met named — with the unit counted in and its quota; a refusal is shown the same way.
 */
export function NominateDrawer({
  kind,
  levels,
  open,
  onClose,
}: {
  kind: PoolKind;
  levels: PoolLevelView[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const nominate = useNominate();
  const cadreId = Form.useWatch('cadreId', form);
  const level = Form.useWatch('level', form);
  const check = useEntryCheck({ cadreId, kind, level });
  const shape = PoolNominateSchema.shape;

  const onFinish = (v: Values) =>
    nominate.mutate(
      {
        cadreId: v.cadreId ?? '',
        kind,
        level: v.level ?? '',
        reason: v.reason,
        enteredOn: v.enteredOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('selection.pools.nominated'));
          onClose();
        },
      },
    );

  const answer = check.data;
  const refusedClauses = unmetOf(nominate.error);
  return (
    <FormDrawer
      open={open}
      onClose={() => {
        nominate.reset();
        onClose();
      }}
      title={t('selection.pools.nominate')}
      width={560}
      saving={nominate.isPending}
      onSave={() => form.submit()}
      saveTestId="pool-nominate-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => nominate.reset()}
        preserve={false}
        initialValues={{ enteredOn: dayjs(), level: levels.length === 1 ? levels[0]?.level : undefined }}
        data-testid="pool-nominate-form"
      >
        <Form.Item
          name="cadreId"
          label={t('selection.pools.cadre')}
          rules={[{ required: true, message: t('selection.pools.cadreRequired') }]}
        >
          <CadrePicker testId="pool-nominate-cadre" />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('selection.pools.level')}
          rules={[{ required: true, message: t('selection.pools.levelRequired') }]}
        >
          <Select
            data-testid="pool-nominate-level"
            options={levels.map((l) => ({ value: l.level, label: l.name }))}
          />
        </Form.Item>
        {check.isFetching ? (
          <Spin size="small" style={{ marginBottom: 16 }} description={t('selection.pools.checking')}>
            <div style={{ height: 24 }} />
          </Spin>
        ) : answer ? (
          <Alert
            style={{ marginBottom: 16 }}
            type={answer.check.met && !answer.already && !answer.unitProblem ? 'success' : 'warning'}
            showIcon
            data-testid="pool-nominate-check"
            title={
              answer.already
                ? t('selection.pools.checkAlready')
                : answer.check.met
                  ? t('selection.pools.checkMet')
                  : t('selection.pools.checkUnmet')
            }
            description={
              <>
                {answer.check.unmet.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="pool-nominate-unmet">
                    {answer.check.unmet.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : null}
                <Typography.Text type="secondary">{answer.check.explanation}</Typography.Text>
                <div>
                  {answer.unitName && answer.quota
                    ? t('selection.pools.checkUnit', {
                        unit: answer.unitName,
                        quota: answer.quota.explanation,
                      })
                    : answer.unitProblem}
                </div>
              </>
            }
          />
        ) : null}
        {nominate.error ? (
          <Alert
            style={{ marginBottom: 16 }}
            type="error"
            showIcon
            data-testid="pool-nominate-error"
            title={t('selection.pools.refused')}
            description={
              refusedClauses.length ? (
                <>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {refusedClauses.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                  <Typography.Text type="secondary">{nominate.error.message}</Typography.Text>
                </>
              ) : isApiError(nominate.error) && nominate.error.message ? (
                nominate.error.message
              ) : (
                errorMessage(nominate.error)
              )
            }
          />
        ) : null}
        <Form.Item name="reason" label={t('selection.pools.reason')} required rules={[zodRule(shape.reason)]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="pool-nominate-reason" />
        </Form.Item>
        <Form.Item name="enteredOn" label={t('selection.pools.enteredOn')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="pool-nominate-entered"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
