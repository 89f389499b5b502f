import { UserAddOutlined } from '@ant-design/icons';
import { can, type Enrolment, type Programme } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useAddEnrolments,
  useConfirmEnrolment,
  useDecideEnrolment,
  useDecideSubstitution,
  useEnrolments,
  useRequestSubstitute,
} from './api.ts';
import { EnrolmentStatusTag } from './labels.tsx';

type Dialog =
  | { kind: 'add' }
  | { kind: 'decide'; enrolment: Enrolment; decision: 'admit' | 'reject' }
  | { kind: 'substitute'; enrolment: Enrolment }
  | { kind: 'substitution'; enrolment: Enrolment; accept: boolean };

/**
 * Who takes part. 报名参训: applications the organiser admits or rejects; 竞争性选调: the same with a rank and a
 * reason; 点名调训: the organiser names cadres, the unit sees "须派" and confirms or asks for a substitute with
 * a reason, and the organiser decides the request.
 */
export function EnrolmentTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'training.manage');
  const canEnrol = can(me.roles, 'training.enrol');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useEnrolments({ programmeId: p.id, page, pageSize });
  const confirm = useConfirmEnrolment();
  const dispatch = p.enrolmentMode === 'dispatch';
  const mustSend = (list.data?.items ?? []).filter((e) => e.status === 'named');

  const actions = (e: Enrolment) => {
    const buttons = [];
    if (canManage && e.status === 'applied') {
      buttons.push(
        <Button
          key="admit"
          type="link"
          size="small"
          onClick={() => setDialog({ kind: 'decide', enrolment: e, decision: 'admit' })}
          data-testid={`enrolment-admit-${e.id}`}
        >
          {t('training.programmes.enrol.admit')}
        </Button>,
        <Button
          key="reject"
          type="link"
          size="small"
          danger
          onClick={() => setDialog({ kind: 'decide', enrolment: e, decision: 'reject' })}
          data-testid={`enrolment-reject-${e.id}`}
        >
          {t('training.programmes.enrol.reject')}
        </Button>,
      );
    }
    // the unit answers for its named cadres (the organiser decides requests, it does not answer for the unit)
    if (canEnrol && !canManage && e.status === 'named') {
      buttons.push(
        <Button
          key="confirm"
          type="link"
          size="small"
          loading={confirm.isPending && confirm.variables === e.id}
          onClick={() =>
            confirm.mutate(e.id, {
              onSuccess: () => void message.success(t('training.programmes.enrol.confirmed')),
            })
          }
          data-testid={`enrolment-confirm-${e.id}`}
        >
          {t('training.programmes.enrol.confirm')}
        </Button>,
        <Button
          key="substitute"
          type="link"
          size="small"
          onClick={() => setDialog({ kind: 'substitute', enrolment: e })}
          data-testid={`enrolment-substitute-${e.id}`}
        >
          {t('training.programmes.enrol.substitute')}
        </Button>,
      );
    }
    if (canManage && e.status === 'substitution_requested') {
      buttons.push(
        <Button
          key="accept"
          type="link"
          size="small"
          onClick={() => setDialog({ kind: 'substitution', enrolment: e, accept: true })}
          data-testid={`enrolment-accept-${e.id}`}
        >
          {t('training.programmes.enrol.acceptSubstitute')}
        </Button>,
        <Button
          key="refuse"
          type="link"
          size="small"
          danger
          onClick={() => setDialog({ kind: 'substitution', enrolment: e, accept: false })}
          data-testid={`enrolment-refuse-${e.id}`}
        >
          {t('training.programmes.enrol.refuseSubstitute')}
        </Button>,
      );
    }
    return buttons.length > 0 ? <Space size={0}>{buttons}</Space> : null;
  };

  const columns: TableColumnsType<Enrolment> = [
    { title: t('training.programmes.enrol.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('training.programmes.enrol.unit'), dataIndex: 'unitName', ellipsis: true, width: 180 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, e) => <EnrolmentStatusTag status={e.status} testId={`enrolment-status-${e.id}`} />,
    },
    ...(p.enrolmentMode === 'competitive'
      ? [
          {
            title: t('training.programmes.enrol.rank'),
            dataIndex: 'rank',
            width: 70,
            render: (r: number | null) => r ?? t('common.empty'),
          },
        ]
      : []),
    {
      title: t('training.programmes.enrol.explanation'),
      key: 'explanation',
      render: (_: unknown, e) => (
        <Flex vertical gap={2}>
          <span data-testid={`enrolment-explain-${e.id}`}>{e.explanation}</span>
          {e.substitute ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.programmes.enrol.substituteAsked', {
                name: e.substitute.cadreName,
                reason: e.substitute.reason,
              })}
            </Typography.Text>
          ) : null}
          {e.reason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.programmes.enrol.reasonText', { reason: e.reason })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 200, render: (_: unknown, e) => actions(e) },
  ];

  const addLabel = dispatch ? t('training.programmes.enrol.name') : t('training.programmes.enrol.applyFor');
  const mayAdd = dispatch ? canManage : canEnrol;

  return (
    <>
      {dispatch && canEnrol && !canManage && mustSend.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('training.programmes.enrol.mustSend', {
            names: mustSend.map((e) => e.cadreName).join(t('common.enumSep')),
          })}
          description={t('training.programmes.enrol.mustSendHint')}
          style={{ marginBottom: 16 }}
          data-testid="enrolment-must-send"
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card
        size="small"
        title={t(`training.programmes.modeHints.${p.enrolmentMode}`)}
        extra={
          mayAdd ? (
            <Button
              icon={<UserAddOutlined />}
              onClick={() => setDialog({ kind: 'add' })}
              data-testid="enrolment-add"
            >
              {addLabel}
            </Button>
          ) : null
        }
      >
        <Table<Enrolment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="enrolment-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (n, size) => {
              setPage(size !== pageSize ? 1 : n);
              setPageSize(size);
            },
          }}
        />
      </Card>
      <EnrolmentDialog programme={p} dialog={dialog} addLabel={addLabel} onClose={() => setDialog(null)} />
    </>
  );
}

interface DialogValues {
  cadreIds?: string[];
  cadreId?: string;
  rank?: number;
  reason?: string;
  note?: string;
}

/** The one modal of the tab: name / apply for cadres, admit or reject, ask for a substitute, decide the request. */
function EnrolmentDialog({
  programme: p,
  dialog,
  addLabel,
  onClose,
}: {
  programme: Programme;
  dialog: Dialog | null;
  addLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const add = useAddEnrolments();
  const decide = useDecideEnrolment();
  const substitute = useRequestSubstitute();
  const substitution = useDecideSubstitution();
  const pending = add.isPending || decide.isPending || substitute.isPending || substitution.isPending;
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };
  const competitive = p.enrolmentMode === 'competitive';

  const onFinish = (v: DialogValues) => {
    if (!dialog) return;
    if (dialog.kind === 'add')
      add.mutate(
        { id: p.id, input: { cadreIds: v.cadreIds ?? [], note: v.note ?? '' } },
        { onSuccess: done(t('training.programmes.enrol.added')) },
      );
    else if (dialog.kind === 'decide')
      decide.mutate(
        {
          id: dialog.enrolment.id,
          input: {
            decision: dialog.decision,
            ...(competitive && dialog.decision === 'admit' ? { rank: v.rank } : {}),
            reason: v.reason ?? '',
          },
        },
        { onSuccess: done(t('training.programmes.enrol.decided')) },
      );
    else if (dialog.kind === 'substitute')
      substitute.mutate(
        { id: dialog.enrolment.id, input: { substituteCadreId: v.cadreId ?? '', reason: v.reason ?? '' } },
        { onSuccess: done(t('training.programmes.enrol.substituteSent')) },
      );
    else
      substitution.mutate(
        { id: dialog.enrolment.id, input: { accept: dialog.accept, note: v.note ?? '' } },
        { onSuccess: done(t('training.programmes.enrol.decided')) },
      );
  };

  const title = !dialog
    ? ''
    : dialog.kind === 'add'
      ? addLabel
      : dialog.kind === 'decide'
        ? t(`training.programmes.enrol.${dialog.decision}Title`, { name: dialog.enrolment.cadreName })
        : dialog.kind === 'substitute'
          ? t('training.programmes.enrol.substituteTitle', { name: dialog.enrolment.cadreName })
          : t(
              dialog.accept
                ? 'training.programmes.enrol.acceptTitle'
                : 'training.programmes.enrol.refuseTitle',
              {
                name: dialog.enrolment.substitute?.cadreName ?? '',
              },
            );
  const reasonRequired = dialog?.kind === 'substitute' || (dialog?.kind === 'decide' && competitive);

  return (
    <Modal
      open={dialog !== null}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'enrolment-dialog-ok' }}
    >
      <Form<DialogValues> form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        {dialog?.kind === 'add' ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('training.programmes.enrol.addHint', { target: p.target.text })}
            </Typography.Paragraph>
            <Form.Item
              name="cadreIds"
              label={t('training.programmes.enrol.cadres')}
              rules={[{ required: true, message: t('training.programmes.enrol.cadresRequired') }]}
            >
              <CadrePicker multiple testId="enrolment-dialog-cadres" />
            </Form.Item>
            <Form.Item name="note" label={t('training.programmes.form.note')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="enrolment-dialog-note" />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === 'decide' && competitive && dialog.decision === 'admit' ? (
          <Form.Item
            name="rank"
            label={t('training.programmes.enrol.rank')}
            rules={[{ required: true, message: t('training.programmes.enrol.rankRequired') }]}
          >
            <InputNumber min={1} max={10000} data-testid="enrolment-dialog-rank" />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'substitute' ? (
          <Form.Item
            name="cadreId"
            label={t('training.programmes.enrol.substituteCadre')}
            rules={[{ required: true, message: t('training.programmes.enrol.cadresRequired') }]}
          >
            <CadrePicker testId="enrolment-dialog-substitute" />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'decide' || dialog?.kind === 'substitute' ? (
          <Form.Item
            name="reason"
            label={t('training.programmes.enrol.reason')}
            rules={
              reasonRequired
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('training.programmes.enrol.reasonRequired'),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="enrolment-dialog-reason" />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'substitution' ? (
          <>
            <Typography.Paragraph>
              {t('training.programmes.enrol.substituteAsked', {
                name: dialog.enrolment.substitute?.cadreName ?? '',
                reason: dialog.enrolment.substitute?.reason ?? '',
              })}
            </Typography.Paragraph>
            <Form.Item name="note" label={t('training.programmes.form.note')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="enrolment-dialog-note" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
