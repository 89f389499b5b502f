import { PairingNoteInputSchema, type Pairing } from '@ganbu/core';
import { App, Button, DatePicker, Drawer, Empty, Form, Input, List, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useAddPairingNote, usePairingNotes } from './api.ts';

interface Values {
  notedOn: Dayjs;
  content: string;
}

/** 帮扶记录 of one pairing, newest first; those who may write add a dated note at the top. */
export function PairingNotesDrawer({
  pairing,
  canWrite,
  onClose,
}: {
  pairing: Pairing | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const notes = usePairingNotes(pairing?.id ?? null);
  const add = useAddPairingNote();

  const onFinish = (v: Values) => {
    if (!pairing) return;
    add.mutate(
      { id: pairing.id, input: { notedOn: v.notedOn.format('YYYY-MM-DD'), content: v.content } },
      {
        onSuccess: () => {
          void message.success(t('pairing.noteAdded'));
          form.resetFields(['content']);
        },
      },
    );
  };
  const open = pairing !== null && !pairing.endedOn;

  return (
    <Drawer
      open={pairing !== null}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : 560}
      title={pairing ? t('pairing.notesTitle', { mentor: pairing.mentorName, cadre: pairing.cadreName }) : ''}
    >
      {pairing ? (
        <Typography.Paragraph type="secondary">
          {t('pairing.focus')}：{pairing.focus}
        </Typography.Paragraph>
      ) : null}
      {canWrite && open ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ notedOn: dayjs() }}
          data-testid="pairing-note-form"
        >
          <Form.Item
            name="notedOn"
            label={t('pairing.notedOn')}
            rules={[{ required: true, message: t('pairing.notedOnRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(pairing?.startedOn), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('pairing.noteContent')}
            required
            rules={[zodRule(PairingNoteInputSchema.shape.content)]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="pairing-note-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="pairing-note-submit">
            {t('pairing.addNote')}
          </Button>
        </Form>
      ) : null}
      {notes.isError ? <QueryError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      <List
        style={{ marginTop: 16 }}
        loading={notes.isFetching}
        dataSource={notes.data}
        locale={{ emptyText: <Empty description={t('pairing.noNotes')} /> }}
        data-testid="pairing-notes"
        renderItem={(n) => (
          <List.Item key={n.id}>
            <List.Item.Meta
              title={`${n.notedOn} · ${n.writtenBy}`}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.content}</span>}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
