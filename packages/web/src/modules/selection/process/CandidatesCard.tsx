import { UserAddOutlined } from '@ant-design/icons';
import type { SelectionCandidate, SelectionProcessDetail } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popover,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { useAddCandidate, useCandidateOut } from './api.ts';
import { CandidateStatusTag, selectionErrorText } from './labels.tsx';
import { resultText } from './results-text.ts';

/** 合格 / 不合格 with the engine's reasons (and the day it judged) in a popover. */
function EligibilityTag({ c }: { c: SelectionCandidate }) {
  const { t } = useTranslation();
  const e = c.eligibility;
  return (
    <Popover
      title={t('selection.process.candidates.eligibilityOn', { date: e.date })}
      content={
        e.reasons.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }} data-testid="eligibility-reasons">
            {e.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          t('selection.process.candidates.noReasons')
        )
      }
    >
      <Tag
        color={e.eligible ? 'green' : 'red'}
        style={{ cursor: 'pointer' }}
        data-testid={`candidate-eligibility-${c.cadreId}`}
      >
        {e.eligible
          ? t('selection.process.candidates.eligible')
          : t('selection.process.candidates.ineligible')}
      </Tag>
    </Popover>
  );
}

/** 添加人选: a cadre from the roster; a hard stop is answered with the unmet conditions. */
function AddModal({
  detail,
  open,
  onClose,
}: {
  detail: SelectionProcessDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId?: string }>();
  const add = useAddCandidate(detail.id);
  const error = add.isError ? selectionErrorText(add.error) : null;
  const close = () => {
    add.reset();
    form.resetFields();
    onClose();
  };
  const ok = async () => {
    const { cadreId } = await form.validateFields();
    if (!cadreId) return;
    add.mutate(cadreId, {
      onSuccess: () => {
        void message.success(t('selection.process.candidates.added'));
        close();
      },
    });
  };
  return (
    <Modal
      open={open}
      title={t('selection.process.candidates.addTitle')}
      onCancel={close}
      onOk={() => void ok()}
      okText={t('selection.process.candidates.add')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'candidate-add-ok' }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {detail.ineligibleHardStop
            ? t('selection.process.candidates.hardStopHint')
            : t('selection.process.candidates.shownHint')}
        </Typography.Text>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error.title}
            description={
              error.details.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {error.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : undefined
            }
            data-testid="candidate-add-error"
          />
        ) : null}
        <Form form={form} layout="vertical" preserve={false} onValuesChange={() => add.reset()}>
          <Form.Item
            name="cadreId"
            label={t('selection.process.candidates.cadre')}
            rules={[{ required: true, message: t('selection.process.candidates.cadreRequired') }]}
          >
            <CadrePicker testId="candidate-add-picker" />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

/** 出列: the candidate leaves at the current step, with the reason. */
function OutModal({
  detail,
  candidate,
  onClose,
}: {
  detail: SelectionProcessDetail;
  candidate: SelectionCandidate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const out = useCandidateOut(detail.id);
  const error = out.isError ? selectionErrorText(out.error) : null;
  const close = () => {
    out.reset();
    form.resetFields();
    onClose();
  };
  const ok = async () => {
    if (!candidate) return;
    const { reason } = await form.validateFields();
    out.mutate(
      { candidateId: candidate.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('selection.process.candidates.outDone', { name: candidate.name }));
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={candidate !== null}
      title={candidate ? t('selection.process.candidates.outTitle', { name: candidate.name }) : null}
      onCancel={close}
      onOk={() => void ok()}
      okText={t('selection.process.candidates.out')}
      okButtonProps={{ danger: true, loading: out.isPending, 'data-testid': 'candidate-out-ok' }}
      destroyOnHidden
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('selection.process.candidates.outReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('selection.process.candidates.outReasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="candidate-out-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 现任职务: the unit and the post (a post written with its unit's name is not prefixed again). */
const currentPost = (c: SelectionCandidate) =>
  c.postTitle.startsWith(c.orgName) ? c.postTitle : [c.orgName, c.postTitle].filter(Boolean).join(' · ');

/** 二级主任科员 · 47岁 */
function rankAndAge(t: TFunction, c: SelectionCandidate) {
  return [c.rank, c.age !== null ? t('selection.process.candidates.age', { age: c.age }) : '']
    .filter(Boolean)
    .join(' · ');
}

/**
 * 人选: each candidate with the eligibility the engine found when they entered (合格/不合格 and why), where
 * they stand (在列, 出列 at which step and why, 拟任, 已任职) and what each step recorded for them.
 */
export function CandidatesCard({ detail, manage }: { detail: SelectionProcessDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [outOf, setOutOf] = useState<SelectionCandidate | null>(null);
  const mobile = useIsMobile();
  const open = detail.state === 'open';
  const stepName = (id: string | null) => detail.steps.find((s) => s.id === id)?.name ?? id ?? '';

  const records = (c: SelectionCandidate) =>
    detail.steps.flatMap((s) => {
      const r = detail.results[s.id]?.find((x) => x.candidateId === c.id);
      return r ? [{ step: s.name, text: resultText(t, r) }] : [];
    });

  const columns: TableColumnsType<SelectionCandidate> = [
    {
      title: t('selection.process.candidates.name'),
      key: 'name',
      width: 90,
      fixed: 'left',
      render: (_: unknown, c) => <Link to={`/cadres/${c.cadreId}`}>{c.name}</Link>,
    },
    {
      title: t('selection.process.candidates.current'),
      key: 'current',
      width: 200,
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>{currentPost(c)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rankAndAge(t, c)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('selection.process.candidates.eligibility'),
      key: 'eligibility',
      width: 90,
      render: (_: unknown, c) => <EligibilityTag c={c} />,
    },
    {
      title: t('selection.process.candidates.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, c) => (
        <Flex vertical gap={2}>
          <span>
            <CandidateStatusTag status={c.status} />
          </span>
          {c.status === 'out' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="candidate-out-text">
              {t('selection.process.candidates.outAt', { step: stepName(c.outStep), reason: c.outReason })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('selection.process.candidates.records'),
      key: 'records',
      render: (_: unknown, c) => {
        const rs = records(c);
        if (!rs.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            {rs.map((r) => (
              <Typography.Text key={r.step} style={{ fontSize: 12 }}>
                {r.step}：{r.text}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    },
    ...(manage && open
      ? [
          {
            title: t('selection.process.candidates.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, c: SelectionCandidate) =>
              c.status === 'in' || c.status === 'chosen' ? (
                <Button
                  size="small"
                  danger
                  onClick={() => setOutOf(c)}
                  data-testid={`candidate-out-${c.cadreId}`}
                >
                  {t('selection.process.candidates.out')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('selection.process.candidates.title', { count: detail.candidates.length })}
      extra={
        manage && open ? (
          <Button
            size="small"
            icon={<UserAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="candidate-add"
          >
            {t('selection.process.candidates.add')}
          </Button>
        ) : null
      }
      data-testid="process-candidates"
    >
      {mobile ? (
        <Flex vertical gap={12} data-testid="candidate-table">
          {detail.candidates.length === 0 ? (
            <Typography.Text type="secondary">{t('selection.process.candidates.empty')}</Typography.Text>
          ) : null}
          {detail.candidates.map((c) => (
            <Flex
              key={c.id}
              vertical
              gap={4}
              style={{
                paddingBottom: 12,
                borderBottom: '1px solid rgba(0,0,0,0.06)',
                opacity: c.status === 'out' ? 0.6 : 1,
              }}
            >
              <Flex justify="space-between" align="center" gap={8}>
                <Link to={`/cadres/${c.cadreId}`}>
                  <Typography.Text strong>{c.name}</Typography.Text>
                </Link>
                <span>
                  <EligibilityTag c={c} />
                  <CandidateStatusTag status={c.status} />
                </span>
              </Flex>
              <Typography.Text>{currentPost(c)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {rankAndAge(t, c)}
              </Typography.Text>
              {c.status === 'out' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('selection.process.candidates.outAt', {
                    step: stepName(c.outStep),
                    reason: c.outReason,
                  })}
                </Typography.Text>
              ) : null}
              {records(c).map((r) => (
                <Typography.Text key={r.step} style={{ fontSize: 12 }}>
                  {r.step}：{r.text}
                </Typography.Text>
              ))}
              {manage && open && (c.status === 'in' || c.status === 'chosen') ? (
                <span>
                  <Button size="small" danger onClick={() => setOutOf(c)}>
                    {t('selection.process.candidates.out')}
                  </Button>
                </span>
              ) : null}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<SelectionCandidate>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={detail.candidates}
          pagination={false}
          scroll={{ x: 860 }}
          onRow={(c) => ({ style: c.status === 'out' ? { opacity: 0.6 } : undefined })}
          locale={{ emptyText: t('selection.process.candidates.empty') }}
          data-testid="candidate-table"
        />
      )}
      {manage && open ? (
        <>
          <AddModal detail={detail} open={adding} onClose={() => setAdding(false)} />
          <OutModal detail={detail} candidate={outOf} onClose={() => setOutOf(null)} />
        </>
      ) : null}
    </Card>
  );
}
