import { ToleranceDecisionInputSchema, TOLERANCE_OUTCOMES, type ToleranceCaseDetail } from '@ganbu/core';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useCadreRecords, useDecideCase } from '../api.ts';
import { OUTCOME_COLOR, useKindLabel } from '../vocab.tsx';

interface Values {
  outcome: (typeof TOLERANCE_OUTCOMES)[number];
  recordIds: string[];
  reason: string;
  documentNo: string;
}

/** 联席会议决定: shown once decided; the form for a member of the committee after the investigation. */
export function DecisionCard({ c, canRead }: { c: ToleranceCaseDetail; canRead: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideCase();
  const records = useCadreRecords(c.cadreId, canRead && c.canDecide);
  const label = useKindLabel();
  const shape = ToleranceDecisionInputSchema.shape;
  if (c.outcome) {
    return (
      <Card size="small" title={t('discipline.tolerance.decision')} data-testid="case-decision">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('discipline.tolerance.outcome')}>
            <Tag color={OUTCOME_COLOR[c.outcome]} data-testid="case-outcome">
              {t(`discipline.outcome.${c.outcome}`)}
            </Tag>
            {c.decidedOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.tolerance.documentNo')}>
            {c.decisionDocumentNo}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.tolerance.reason')}>{c.decisionReason}</Descriptions.Item>
          <Descriptions.Item label={t('discipline.tolerance.committee')}>
            {c.decidedByCommittee.join(t('common.enumSep'))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  if (!c.canDecide)
    return (
      <Card size="small" title={t('discipline.tolerance.decision')} data-testid="case-decision">
        <Alert type="info" showIcon title={t('discipline.tolerance.onlyMembers')} />
      </Card>
    );
  const onFinish = (v: Values) =>
    decide.mutate(
      { id: c.id, input: v },
      { onSuccess: () => void message.success(t('discipline.tolerance.decidedDone')) },
    );
  return (
    <Card size="small" title={t('discipline.tolerance.decision')} data-testid="case-decision">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ outcome: 'exempt', recordIds: c.records.map((r) => r.id) }}
        data-testid="decision-form"
      >
        <Form.Item name="outcome" label={t('discipline.tolerance.outcome')} rules={[{ required: true }]}>
          <Select
            options={TOLERANCE_OUTCOMES.map((o) => ({ value: o, label: t(`discipline.outcome.${o}`) }))}
            data-testid="decision-outcome"
          />
        </Form.Item>
        <Form.Item name="recordIds" label={t('discipline.tolerance.records')}>
          <Select
            mode="multiple"
            options={(records.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${label(r.kind, r.grade)} ${r.decidedOn}`,
            }))}
            data-testid="decision-records"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('discipline.tolerance.reason')} rules={[zodRule(shape.reason)]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="decision-reason" />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t('discipline.tolerance.documentNo')}
          rules={[zodRule(shape.documentNo)]}
        >
          <Input maxLength={60} data-testid="decision-document-no" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="decision-submit">
          {t('discipline.tolerance.decide')}
        </Button>
      </Form>
    </Card>
  );
}
