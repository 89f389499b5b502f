import type { ToleranceCaseDetail } from '@ganbu/core';
import { App, Button, Card, DatePicker, Flex, Form, Input, List, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from '../../../lib/china-day.ts';
import { useTranslation } from 'react-i18next';
import { useAddFollowup, useAddMeasure, useCompleteMeasure } from '../api.ts';

/** 纠错措施 with deadlines and 回访 after the decision. */
export function AftercareCard({ c, editable }: { c: ToleranceCaseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [measureForm] = Form.useForm<{ measure: string; dueOn: Dayjs }>();
  const [visitForm] = Form.useForm<{ notes: string; visitedOn: Dayjs }>();
  const addMeasure = useAddMeasure();
  const done = useCompleteMeasure();
  const addVisit = useAddFollowup();
  const open = editable && c.outcome !== null;
  const ok = () => void message.success(t('discipline.tolerance.saved'));
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('discipline.tolerance.measures')} data-testid="case-measures">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.measures}
          columns={[
            { title: t('discipline.tolerance.measure'), dataIndex: 'measure' },
            { title: t('discipline.tolerance.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('discipline.tolerance.doneOn'),
              key: 'done',
              width: 120,
              render: (_: unknown, m: ToleranceCaseDetail['measures'][number]) =>
                m.doneOn ? (
                  <Tag color="green">{m.doneOn}</Tag>
                ) : open ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => done.mutate({ id: c.id, measureId: m.id }, { onSuccess: ok })}
                  >
                    {t('discipline.tolerance.markDone')}
                  </Button>
                ) : (
                  t('common.empty')
                ),
            },
          ]}
        />
        {open ? (
          <Form
            form={measureForm}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={(v) =>
              addMeasure.mutate(
                { id: c.id, input: { measure: v.measure, dueOn: v.dueOn.format('YYYY-MM-DD') } },
                {
                  onSuccess: () => {
                    measureForm.resetFields();
                    ok();
                  },
                },
              )
            }
          >
            <Form.Item name="measure" rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input placeholder={t('discipline.tolerance.measure')} maxLength={1000} />
            </Form.Item>
            <Form.Item name="dueOn" rules={[{ required: true }]}>
              <DatePicker placeholder={t('discipline.tolerance.dueOn')} />
            </Form.Item>
            <Button htmlType="submit" loading={addMeasure.isPending}>
              {t('discipline.tolerance.addMeasure')}
            </Button>
          </Form>
        ) : null}
      </Card>
      <Card size="small" title={t('discipline.tolerance.followups')} data-testid="case-followups">
        <List
          size="small"
          dataSource={c.followups}
          locale={{ emptyText: t('common.empty') }}
          renderItem={(f) => (
            <List.Item>
              {f.visitedOn} · {f.notes}（{t('discipline.tolerance.writtenBy')}：{f.writtenBy}）
            </List.Item>
          )}
        />
        {open ? (
          <Form
            form={visitForm}
            layout="inline"
            style={{ marginTop: 12 }}
            initialValues={{ visitedOn: chinaDay() }}
            onFinish={(v) =>
              addVisit.mutate(
                { id: c.id, input: { notes: v.notes, visitedOn: v.visitedOn.format('YYYY-MM-DD') } },
                {
                  onSuccess: () => {
                    visitForm.resetFields();
                    ok();
                  },
                },
              )
            }
          >
            <Form.Item name="notes" rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input placeholder={t('discipline.tolerance.notes')} maxLength={4000} />
            </Form.Item>
            <Form.Item name="visitedOn" rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
            </Form.Item>
            <Button htmlType="submit" loading={addVisit.isPending}>
              {t('discipline.tolerance.addFollowup')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </Flex>
  );
}
