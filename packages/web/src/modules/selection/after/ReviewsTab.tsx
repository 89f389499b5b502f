import { PlusOutlined } from '@ant-design/icons';
import { can, type AfterPolicyView, type PostReview } from '@ganbu/core';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePostReviews, useStartPostReview } from './api.ts';
import { DueFilterBar, DueTag } from './common.tsx';
import { ReviewCreateDrawer, ReviewOutcomeDrawer } from './ReviewDrawers.tsx';

const STATES = ['open', 'overdue', 'due_soon', 'scheduled', 'done', 'all'] as const;
type StateFilter = (typeof STATES)[number];

const OUTCOME_COLORS = { fit: 'green', basically_fit: 'gold', unfit: 'red' } as const;

/** 任后评估: reviews in scope by where they stand; schedule one by hand, start it, record its outcome. */
export function ReviewsTab({ policy }: { policy: AfterPolicyView | undefined }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'selection.manage');
  const [state, setState] = useState<StateFilter>('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<PostReview | null>(null);
  const [linking, setLinking] = useState<PostReview | null>(null);
  const reviews = usePostReviews({
    state: state === 'all' ? undefined : state,
    q: q || undefined,
    page,
    pageSize,
  });
  const start = useStartPostReview();
  const schemeId = policy?.postReview?.schemeId ?? null;

  const onStart = (r: PostReview) => {
    if (!schemeId) {
      setLinking(r);
      return;
    }
    modal.confirm({
      title: t('selection.after.reviews.startConfirm', { name: r.cadreName }),
      content: t('selection.after.reviews.startHint', { from: r.appointedOn, to: r.dueOn }),
      onOk: () =>
        start
          .mutateAsync({ reviewId: r.id, input: {} })
          .then(() => void message.success(t('selection.after.reviews.started')))
          .catch(() => undefined),
    });
  };

  const columns: TableColumnsType<PostReview> = [
    { title: t('selection.after.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('selection.after.unit'), dataIndex: 'unitName', ellipsis: true },
    { title: t('selection.after.reviews.postTitle'), dataIndex: 'postTitle', ellipsis: true },
    { title: t('selection.after.reviews.appointedOn'), dataIndex: 'appointedOn', width: 110 },
    {
      title: t('selection.after.reviews.dueOn'),
      key: 'due',
      width: 190,
      render: (_: unknown, r) => (
        <Space size={4} title={r.explanation}>
          {r.dueOn}
          <DueTag state={r.dueState} />
        </Space>
      ),
    },
    {
      title: t('selection.after.reviews.source'),
      key: 'source',
      width: 100,
      render: (_: unknown, r) =>
        r.processId ? (
          <Link to={`/selection/processes/${r.processId}`}>{t('selection.after.reviews.fromProcess')}</Link>
        ) : (
          t('selection.after.reviews.byHand')
        ),
    },
    {
      title: t('selection.after.reviews.round'),
      key: 'round',
      width: 100,
      render: (_: unknown, r) =>
        r.roundId ? (
          <Link to={`/assessment/rounds/${r.roundId}`} data-testid={`review-round-${r.id}`}>
            {t('selection.after.reviews.openRound')}
          </Link>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('selection.after.reviews.outcome'),
      key: 'outcome',
      width: 160,
      render: (_: unknown, r) =>
        r.outcome ? (
          <Space size={4} orientation="vertical">
            <Tag color={OUTCOME_COLORS[r.outcome]}>{t(`selection.after.outcomes.${r.outcome}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decidedOn}
            </Typography.Text>
          </Space>
        ) : (
          t('common.empty')
        ),
    },
    ...(canManage
      ? [
          {
            title: t('selection.after.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 170,
            render: (_: unknown, r: PostReview) =>
              r.status === 'scheduled' ? (
                <Space size={4}>
                  {r.roundId ? null : (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => onStart(r)}
                      data-testid={`review-start-${r.id}`}
                    >
                      {schemeId ? t('selection.after.reviews.start') : t('selection.after.reviews.linkRound')}
                    </Button>
                  )}
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDeciding(r)}
                    data-testid={`review-decide-${r.id}`}
                  >
                    {t('selection.after.reviews.decide')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <DueFilterBar
        filters={STATES}
        state={state}
        onState={(v) => {
          setState(v);
          setPage(1);
        }}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
        stateTestId="review-state"
        action={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              disabled={!policy?.postReview}
              data-testid="review-create"
            >
              {t('selection.after.reviews.create')}
            </Button>
          ) : null
        }
      />
      {reviews.isError ? <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
      <Card size="small">
        <Table<PostReview>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={reviews.data?.items}
          loading={reviews.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="review-table"
          pagination={{
            current: page,
            pageSize,
            total: reviews.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage ? (
        <>
          <ReviewCreateDrawer open={creating} policy={policy} onClose={() => setCreating(false)} />
          <ReviewOutcomeDrawer review={deciding} policy={policy} onClose={() => setDeciding(null)} />
          <LinkRoundModal review={linking} onClose={() => setLinking(null)} />
        </>
      ) : null}
    </>
  );
}

/** Without a scheme in the pack: link a round created under 考核评价 by its id (or go and create one). */
function LinkRoundModal({ review, onClose }: { review: PostReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roundId: string }>();
  const start = useStartPostReview();
  return (
    <Modal
      open={review !== null}
      title={t('selection.after.reviews.linkRound')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={start.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'review-link-submit' }}
    >
      <Typography.Paragraph type="secondary">
        {t('selection.after.reviews.linkRoundHint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          review &&
          start.mutate(
            { reviewId: review.id, input: { roundId: v.roundId.trim() } },
            {
              onSuccess: () => {
                void message.success(t('selection.after.reviews.linked'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="roundId"
          label={t('selection.after.reviews.roundId')}
          rules={[{ required: true, message: t('selection.after.reviews.roundIdRequired') }]}
        >
          <Input data-testid="review-link-round" />
        </Form.Item>
      </Form>
      <Link to="/assessment/rounds">{t('selection.after.reviews.newRound')}</Link>
    </Modal>
  );
}
