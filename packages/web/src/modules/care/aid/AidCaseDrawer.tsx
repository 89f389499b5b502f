import { EyeOutlined } from '@ant-design/icons';
import type { AidCaseDetail } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { useAddAidVisit, useAidCase, useCloseAidCase, useMarkAidItem } from './api.ts';
import { AidDueTag, DAY, notAfterToday } from './AidPage.tsx';

/** One case: family details (masked unless revealed), the checklist, visits, and closing. */
export function AidCaseDrawer({
  caseId,
  maySeeFamily,
  canManage,
  onClose,
}: {
  caseId: string | null;
  maySeeFamily: boolean;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [reveal, setReveal] = useState(false);
  const one = useAidCase(caseId, reveal);
  const c = one.data;
  const close = () => {
    setReveal(false);
    onClose();
  };
  return (
    <Drawer
      open={caseId !== null}
      onClose={close}
      destroyOnHidden
      size={mobile ? '100%' : 640}
      title={c ? `${c.cadreName} · ${c.kindName}` : ''}
    >
      {one.isError ? <QueryError error={one.error} onRetry={() => void one.refetch()} /> : null}
      {c ? (
        <Flex vertical gap={16} data-testid="aid-detail">
          <Alert
            type={c.dueState === 'overdue' ? 'warning' : 'info'}
            showIcon
            title={c.explanation}
            data-testid="aid-explanation"
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('care.aid.unit')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('care.aid.openedOn')}>{c.openedOn}</Descriptions.Item>
            <Descriptions.Item label={t('care.aid.familyContact')}>
              <span data-testid="aid-family-contact">{c.familyContact}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('care.aid.familyPhone')}>
              {c.familyPhone || t('common.empty')}
            </Descriptions.Item>
            <Descriptions.Item label={t('care.aid.situation')}>
              <span data-testid="aid-situation">{c.situation}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('care.aid.nextDue')}>
              {c.nextDueOn ?? t('common.empty')} <AidDueTag state={c.dueState} />
            </Descriptions.Item>
          </Descriptions>
          {c.revealed ? (
            <Typography.Text type="secondary">{t('care.aid.revealed')}</Typography.Text>
          ) : (
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('care.aid.masked')}</Typography.Text>
              {maySeeFamily ? (
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => setReveal(true)}
                  data-testid="aid-reveal"
                >
                  {t('care.aid.reveal')}
                </Button>
              ) : null}
            </Flex>
          )}
          <Checklist c={c} canManage={canManage} />
          <Visits c={c} canManage={canManage} />
          {c.status === 'closed' ? (
            <Alert
              type="success"
              showIcon
              title={t('care.aid.closedInfo', { date: c.closedOn, note: c.closeNote })}
            />
          ) : canManage ? (
            <CloseCase c={c} />
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}

function Checklist({ c, canManage }: { c: AidCaseDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [item, setItem] = useState<AidCaseDetail['checklist'][number] | null>(null);
  const [form] = Form.useForm<{ doneOn: Dayjs; note: string }>();
  const mark = useMarkAidItem();
  return (
    <Card
      size="small"
      title={`${t('care.aid.checklist')}（${t('care.aid.progress', { done: c.checklistDone, total: c.checklistTotal })}）`}
    >
      <Flex vertical gap={8} data-testid="aid-checklist">
        {c.checklist.map((i) => (
          <Flex key={i.id} justify="space-between" align="center" gap={8} wrap>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{i.name}</Typography.Text>
              {i.doneOn ? (
                <Tag color="green" data-testid={`aid-item-done-${i.id}`}>
                  {i.doneOn}
                </Tag>
              ) : (
                <Tag>{t('care.aid.notDone')}</Tag>
              )}
              {i.note ? <Typography.Text type="secondary">{i.note}</Typography.Text> : null}
            </Flex>
            {canManage && c.status === 'open' ? (
              <Button size="small" type="link" onClick={() => setItem(i)} data-testid={`aid-item-${i.id}`}>
                {t('care.aid.itemDone')}
              </Button>
            ) : null}
          </Flex>
        ))}
      </Flex>
      <Modal
        open={item !== null}
        title={item ? t('care.aid.itemDoneTitle', { name: item.name }) : ''}
        onCancel={() => setItem(null)}
        destroyOnHidden
        confirmLoading={mark.isPending}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'aid-item-submit' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ doneOn: chinaDay(), note: item?.note ?? '' }}
          onFinish={(v) =>
            item &&
            mark.mutate(
              { caseId: c.id, itemId: item.id, input: { doneOn: v.doneOn.format(DAY), note: v.note ?? '' } },
              {
                onSuccess: () => {
                  void message.success(t('care.aid.itemSaved'));
                  setItem(null);
                },
              },
            )
          }
        >
          <Form.Item name="doneOn" label={t('care.aid.doneOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
          </Form.Item>
          <Form.Item name="note" label={t('care.aid.itemNote')}>
            <Input maxLength={300} data-testid="aid-item-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function Visits({ c, canManage }: { c: AidCaseDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ visitedOn: Dayjs; visitors: string; content: string }>();
  const add = useAddAidVisit();
  return (
    <Card size="small" title={t('care.aid.visits')}>
      {c.visits.length ? (
        <Timeline
          data-testid="aid-visits"
          items={c.visits.map((v) => ({
            key: v.id,
            content: (
              <>
                <Typography.Text strong>{v.visitedOn}</Typography.Text> {v.visitors}
                <Typography.Paragraph style={{ margin: 0 }}>{v.content}</Typography.Paragraph>
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.aid.noVisits')} />
      )}
      {canManage && c.status === 'open' ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ visitedOn: chinaDay() }}
          onFinish={(v) =>
            add.mutate(
              {
                caseId: c.id,
                input: { visitedOn: v.visitedOn.format(DAY), visitors: v.visitors, content: v.content },
              },
              {
                onSuccess: () => {
                  void message.success(t('care.aid.visitSaved'));
                  form.resetFields();
                },
              },
            )
          }
        >
          <Flex gap={8} wrap>
            <Form.Item name="visitedOn" label={t('care.aid.visitedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={notAfterToday} />
            </Form.Item>
            <Form.Item
              name="visitors"
              label={t('care.aid.visitors')}
              rules={[{ required: true, whitespace: true, message: t('care.aid.visitorsRequired') }]}
              style={{ flex: 1, minWidth: 160 }}
            >
              <Input maxLength={100} data-testid="aid-visit-visitors" />
            </Form.Item>
          </Flex>
          <Form.Item
            name="content"
            label={t('care.aid.content')}
            rules={[{ required: true, whitespace: true, message: t('care.aid.contentRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="aid-visit-content" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="aid-visit-submit">
            {t('care.aid.addVisit')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function CloseCase({ c }: { c: AidCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ closedOn: Dayjs; note: string }>();
  const close = useCloseAidCase();
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="aid-close">
        {t('care.aid.close')}
      </Button>
      <Modal
        open={open}
        title={t('care.aid.closeTitle', { name: c.cadreName, kind: c.kindName })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        confirmLoading={close.isPending}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'aid-close-submit' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ closedOn: chinaDay() }}
          onFinish={(v) =>
            close.mutate(
              { caseId: c.id, input: { closedOn: v.closedOn.format(DAY), note: v.note } },
              {
                onSuccess: () => {
                  void message.success(t('care.aid.closedMsg'));
                  setOpen(false);
                },
              },
            )
          }
        >
          <Form.Item name="closedOn" label={t('care.aid.closedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('care.aid.closeNote')}
            rules={[{ required: true, whitespace: true, message: t('care.aid.closeNoteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="aid-close-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
