import { CHECKLIST_ITEMS, type ToleranceCaseDetail, type ToleranceChecklist } from '@ganbu/core';
import { App, Button, Card, Flex, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateCase } from '../api.ts';

type Values = { investigation: string } & Record<
  string,
  { answer?: 'yes' | 'no' | 'unknown'; note?: string }
>;

/** 容错情形清单 (三个区分开来 and the ten circumstances) with the investigation notes; 完成调查核实. */
export function ChecklistCard({ c, editable }: { c: ToleranceCaseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCase();
  const initial = {
    investigation: c.investigation,
    ...Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, c.checklist[k] ?? {}])),
  };
  const save = (complete: boolean) => {
    const v = form.getFieldsValue(true) as Values;
    const checklist: ToleranceChecklist = {};
    for (const k of CHECKLIST_ITEMS) {
      const a = v[k];
      if (a?.answer) checklist[k] = { answer: a.answer, note: a.note ?? '' };
    }
    update.mutate(
      {
        id: c.id,
        input: {
          checklist,
          investigation: v.investigation ?? '',
          ...(complete ? { completeInvestigation: true as const } : {}),
        },
      },
      { onSuccess: () => void message.success(t('discipline.tolerance.saved')) },
    );
  };
  const disabled = !editable || c.outcome !== null || c.investigatedOn !== null;
  return (
    <Card
      size="small"
      title={t('discipline.tolerance.checklist')}
      extra={
        c.investigatedOn ? (
          <Tag color="green">{t('discipline.tolerance.investigatedOn', { date: c.investigatedOn })}</Tag>
        ) : (
          <Tag color="processing">{t('discipline.tolerance.notInvestigated')}</Tag>
        )
      }
      data-testid="case-checklist"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={disabled}>
        {CHECKLIST_ITEMS.map((k) => (
          <Flex key={k} gap={12} align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Text style={{ width: 150 }}>{t(`discipline.item.${k}`)}</Typography.Text>
            <Form.Item name={[k, 'answer']} noStyle>
              <Radio.Group
                optionType="button"
                size="small"
                options={(['yes', 'no', 'unknown'] as const).map((a) => ({
                  value: a,
                  label: t(`discipline.answer.${a}`),
                }))}
                data-testid={`checklist-${k}`}
              />
            </Form.Item>
            <Form.Item name={[k, 'note']} noStyle>
              <Input size="small" placeholder={t('discipline.itemNote')} style={{ flex: 1, minWidth: 160 }} />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item
          name="investigation"
          label={t('discipline.tolerance.investigation')}
          style={{ marginTop: 12 }}
        >
          <Input.TextArea rows={4} maxLength={8000} data-testid="case-investigation" />
        </Form.Item>
        {disabled ? null : (
          <Space>
            <Button onClick={() => save(false)} loading={update.isPending} data-testid="case-checklist-save">
              {t('discipline.tolerance.saveChecklist')}
            </Button>
            <Button
              type="primary"
              onClick={() => save(true)}
              loading={update.isPending}
              data-testid="case-investigated"
            >
              {t('discipline.tolerance.completeInvestigation')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
