import type { AttendanceRecord, Programme, RequirementJudgement } from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { MyTrainingSchema } from '@ganbu/core';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { api } from '../../../lib/http.ts';
import { trainingKeys, useApply } from '../programmes/api.ts';
import { fmtDays, thisYear } from '../programmes/common.tsx';
import { CreditText, EnrolmentStatusTag, ModeTag } from '../programmes/labels.tsx';

function useMyTraining(year: number) {
  return useQuery({
    queryKey: trainingKeys.mine(year),
    queryFn: () => api.get(MyTrainingSchema, '/api/training/mine', { year }),
  });
}

/** One requirement as the cadre reads it: met or what is missing, with the sentence. */
function Requirement({ j }: { j: RequirementJudgement }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid={`mine-req-${j.requirementId}`}>
      <Flex gap={6} align="center" wrap>
        <Tag color={j.met ? 'green' : j.warning ? 'red' : 'orange'}>
          {j.met ? t('training.mine.met') : t('training.mine.missing')}
        </Tag>
        <Typography.Text strong>{j.requirementName}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {j.explanation}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 我的培训 (a cadre, often on a phone): this year's training days against what the pack requires, with a
 * progress bar and what is still missing; her programmes and attendance; and the programmes open to her
 * application.
 */
export default function MyTrainingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const year = thisYear();
  const mine = useMyTraining(year);
  const apply = useApply();
  const [applying, setApplying] = useState<Programme | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const data = mine.data;
  const c = data?.record.compliance;
  const required = c?.required ?? null;
  const percent = required ? Math.min(100, Math.round(((c?.days ?? 0) / required) * 100)) : 100;
  const appliedTo = new Set((data?.enrolments ?? []).map((e) => e.programmeId));

  return (
    <PageContainer title={t('training.mine.title')}>
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isPending ? (
        <Skeleton active />
      ) : !data || !c ? null : (
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={t('training.mine.yearTotal', { year: data.record.year })}
            data-testid="mine-total"
          >
            <Flex vertical gap={8}>
              <Flex align="baseline" gap={8} wrap>
                <Typography.Text style={{ fontSize: 32, fontWeight: 600 }} data-testid="mine-days">
                  {fmtDays(c.days)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {required === null
                    ? t('training.mine.daysNoRequirement')
                    : t('training.mine.daysOf', { required: fmtDays(required) })}
                </Typography.Text>
              </Flex>
              {required !== null ? (
                <Progress
                  percent={percent}
                  status={c.shortfall > 0 ? (c.warning ? 'exception' : 'active') : 'success'}
                  format={() => `${percent}%`}
                  data-testid="mine-progress"
                />
              ) : null}
              {c.shortfall > 0 ? (
                <Typography.Text type={c.warning ? 'danger' : 'warning'} strong data-testid="mine-shortfall">
                  {t('training.mine.shortfall', { days: fmtDays(c.shortfall) })}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="mine-explanation">
                {c.explanation}
              </Typography.Text>
            </Flex>
          </Card>

          {c.judgements.length > 0 ? (
            <Card size="small" title={t('training.mine.requirements')} data-testid="mine-requirements">
              <Flex vertical gap={12}>
                {[...c.judgements]
                  .sort((a, b) => Number(a.met) - Number(b.met))
                  .map((j) => (
                    <Requirement key={j.requirementId} j={j} />
                  ))}
              </Flex>
            </Card>
          ) : null}

          <Card size="small" title={t('training.mine.attendance')} data-testid="mine-attendance">
            {data.record.lines.length === 0 ? (
              <Empty description={t('training.mine.noAttendance')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List<AttendanceRecord>
                size="small"
                dataSource={data.record.lines}
                renderItem={(r) => (
                  <List.Item
                    extra={
                      r.attended ? (
                        <Typography.Text strong>
                          {t('training.mine.credit', { days: fmtDays(r.creditDays) })}
                        </Typography.Text>
                      ) : (
                        <Tag>{t('training.mine.absent')}</Tag>
                      )
                    }
                  >
                    <List.Item.Meta
                      title={<span style={{ whiteSpace: 'normal' }}>{r.programmeName}</span>}
                      description={
                        <>
                          {r.on} · {r.kindName}
                          {r.sessionTitle ? ` · ${r.sessionTitle}` : ''}
                          {!r.attended && r.leaveReason ? ` · ${r.leaveReason}` : ''}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>

          <Card size="small" title={t('training.mine.enrolments')} data-testid="mine-enrolments">
            {data.enrolments.length === 0 ? (
              <Empty description={t('training.mine.noEnrolments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={data.enrolments}
                renderItem={(e) => (
                  <List.Item data-testid={`mine-enrolment-${e.programmeId}`}>
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Flex justify="space-between" gap={8} align="flex-start">
                        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                          {e.programmeName}
                        </Typography.Text>
                        <EnrolmentStatusTag status={e.status} />
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {e.explanation}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>

          <Card size="small" title={t('training.mine.open')} data-testid="mine-open">
            {data.open.length === 0 ? (
              <Empty description={t('training.mine.noOpen')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List<Programme>
                size="small"
                dataSource={data.open}
                renderItem={(p) => (
                  <List.Item data-testid={`mine-open-${p.id}`}>
                    <Flex vertical gap={6} style={{ width: '100%' }}>
                      <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                        {p.name}
                      </Typography.Text>
                      <Flex gap={4} wrap align="center">
                        <Tag>{p.kindName}</Tag>
                        <ModeTag mode={p.enrolmentMode} />
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('training.programmes.dateRange', { start: p.startOn, end: p.endOn })} ·{' '}
                          <CreditText programme={p} />
                        </Typography.Text>
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {p.organiserName}
                      </Typography.Text>
                      {appliedTo.has(p.id) ? (
                        <Tag color="blue">{t('training.mine.applied')}</Tag>
                      ) : (
                        <Button
                          block
                          type="primary"
                          onClick={() => setApplying(p)}
                          data-testid={`mine-apply-${p.id}`}
                        >
                          {t('training.mine.apply')}
                        </Button>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Flex>
      )}
      <Modal
        open={applying !== null}
        title={t('training.mine.applyTitle', { name: applying?.name ?? '' })}
        okText={t('training.mine.apply')}
        onCancel={() => setApplying(null)}
        confirmLoading={apply.isPending}
        destroyOnHidden
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'mine-apply-ok' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            applying &&
            apply.mutate(
              { id: applying.id, input: { note: v.note ?? '' } },
              {
                onSuccess: () => {
                  void message.success(t('training.mine.appliedOk'));
                  setApplying(null);
                },
              },
            )
          }
        >
          <Form.Item name="note" label={t('training.mine.applyNote')}>
            <Input.TextArea rows={3} maxLength={500} data-testid="mine-apply-note" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
