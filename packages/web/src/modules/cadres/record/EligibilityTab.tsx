import {
  EarlyWarningListSchema,
  EligibilityAllSchema,
  type EligibilityAnswerDto,
  type Role,
} from '@ganbu/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Flex, Skeleton, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { api } from '../../../lib/http.ts';

/** The roles that read discipline records: they see any cadre's eligibility and the early warnings. */
const READERS: readonly Role[] = ['orgdept', 'discipline'];

/** Whether the 资格 tab shows: for 组织部 and 纪检联络, and for the cadre on her own record. */
export function mayReadEligibility(me: { roles: readonly Role[]; cadreId: string | null }, cadreId: string) {
  return me.roles.some((r) => READERS.includes(r)) || (me.roles.includes('cadre') && me.cadreId === cadreId);
}

const base = (id: string) => `/api/cadres/${encodeURIComponent(id)}`;

function useEligibility(id: string, date: string | undefined) {
  return useQuery({
    queryKey: ['eligibility', id, date ?? 'today'],
    queryFn: () => api.get(EligibilityAllSchema, `${base(id)}/eligibility/all`, date ? { date } : {}),
  });
}

function useWarnings(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['eligibility', id, 'warnings'],
    queryFn: () => api.get(EarlyWarningListSchema, `${base(id)}/warnings`),
    enabled,
  });
}

function AnswerCard({ a }: { a: EligibilityAnswerDto }) {
  const { t } = useTranslation();
  const blocking = a.reasons.filter((r) => r.counts);
  const shown = a.reasons.filter((r) => !r.counts);
  return (
    <Card
      size="small"
      title={a.purposeName}
      extra={
        a.eligible ? (
          <Tag color="success">{t('eligibility.eligible')}</Tag>
        ) : (
          <Tag color="error">{t('eligibility.notEligible')}</Tag>
        )
      }
      data-testid={`eligibility-${a.purpose}`}
    >
      {a.reasons.length === 0 ? (
        <Typography.Text type="secondary">{t('eligibility.noReason')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {[...blocking, ...shown].map((r) => (
            <Typography.Text
              key={`${r.rule}:${r.record.id}`}
              type={r.counts ? undefined : 'secondary'}
              data-testid="eligibility-reason"
            >
              {r.counts ? null : (
                <Tag color={r.exemption ? 'green' : 'default'}>{t('eligibility.notCounted')}</Tag>
              )}
              {r.explanation}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** 资格: each purpose's answer on a day (today by default) with its reasons, and the early warnings. */
export function EligibilityTab({
  cadreId,
  me,
}: {
  cadreId: string;
  me: { roles: readonly Role[]; cadreId: string | null };
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const day = date ? date.format('YYYY-MM-DD') : undefined;
  const answers = useEligibility(cadreId, day);
  const reader = me.roles.some((r) => READERS.includes(r));
  const warnings = useWarnings(cadreId, reader);
  return (
    <Flex vertical gap={12} data-testid="cadre-eligibility">
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('eligibility.asOf')}</Typography.Text>
        <DatePicker
          value={date ?? dayjs(answers.data?.date)}
          allowClear={false}
          onChange={(d) => setDate(d)}
          data-testid="eligibility-date"
        />
        <Typography.Text type="secondary">{t('eligibility.timeTravel')}</Typography.Text>
      </Flex>
      {reader && warnings.data?.items.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('eligibility.warnings')}
          description={
            <Flex vertical gap={4}>
              {warnings.data.items.map((w) => (
                <span key={w.rule} data-testid="eligibility-warning">
                  {w.explanation}
                </span>
              ))}
            </Flex>
          }
        />
      ) : null}
      {answers.isError ? (
        <QueryError error={answers.error} onRetry={() => void answers.refetch()} />
      ) : !answers.data ? (
        <Skeleton active />
      ) : (
        <div
          style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}
        >
          {answers.data.items.map((a) => (
            <AnswerCard key={a.purpose} a={a} />
          ))}
        </div>
      )}
    </Flex>
  );
}
