import { ROLE_KINDS, type RoleKind } from '@ganbu/core';
import {
  Alert,
  App,
  AutoComplete,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Steps,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { RANK_VALUES, valueOptions } from '../../cadres/cadre-vocab.ts';
import { useCreateProcess, useSelectionKinds } from './api.ts';
import { selectionErrorText } from './labels.tsx';

interface Values {
  kindId: string;
  orgId: string;
  postTitle: string;
  rank?: string;
  roleKind: RoleKind;
  isLeadership: boolean;
  positions: number;
  title?: string;
}

/**
 * 发起选拔: the pack's process kind (its steps shown), the unit whose post is filled, the post (职务, 职级,
 * 职务类别, 领导职务) and how many are chosen; the process opens at its first step (动议).
 */
export function CreateProcessDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kinds = useSelectionKinds();
  const orgs = useOrgs();
  const create = useCreateProcess();
  const kindId = Form.useWatch('kindId', form);
  const kind = kinds.data?.find((k) => k.id === kindId);

  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (v: Values) => {
    const unit = orgs.data?.find((o) => o.id === v.orgId)?.name ?? '';
    const title =
      v.title?.trim() || t('selection.process.create.defaultTitle', { unit, post: v.postTitle.trim() });
    create.mutate(
      {
        kindId: v.kindId,
        orgId: v.orgId,
        title,
        post: {
          title: v.postTitle.trim(),
          rank: v.rank?.trim() ?? '',
          roleKind: v.roleKind,
          isLeadership: v.isLeadership,
        },
        positions: v.positions,
      },
      {
        onSuccess: (p) => {
          void message.success(t('selection.process.create.created', { title: p.title }));
          close();
          void navigate(`/selection/processes/${p.id}`);
        },
      },
    );
  };

  const error = create.isError ? selectionErrorText(create.error) : null;

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('selection.process.create.title')}
      width={600}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="process-create-submit"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.details.join('；') || undefined}
          style={{ marginBottom: 16 }}
          data-testid="process-create-error"
        />
      ) : null}
      {kinds.isPending || orgs.isPending ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          autoComplete="off"
          onFinish={submit}
          preserve={false}
          initialValues={{
            kindId: kinds.data?.[0]?.id,
            roleKind: 'team_member',
            isLeadership: true,
            positions: 1,
          }}
          data-testid="process-create-form"
        >
          <Form.Item name="kindId" label={t('selection.process.create.kind')} rules={[{ required: true }]}>
            <Select
              options={(kinds.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
              data-testid="process-create-kind"
            />
          </Form.Item>
          {kind ? (
            <div style={{ marginBottom: 16 }} data-testid="process-create-steps">
              <Steps
                size="small"
                orientation="vertical"
                current={-1}
                items={kind.steps.map((s) => ({
                  title: s.name,
                  content:
                    s.type === 'notice' && s.noticeWorkingDays
                      ? t('selection.process.create.noticeDays', { days: s.noticeWorkingDays })
                      : s.type
                        ? t(`selection.process.stepType.${s.type}`)
                        : undefined,
                }))}
              />
              <Typography.Text type="secondary">
                {kind.ineligibleHardStop
                  ? t('selection.process.create.hardStop')
                  : t('selection.process.create.noHardStop')}
              </Typography.Text>
            </div>
          ) : null}
          <Form.Item
            name="orgId"
            label={t('selection.process.create.unit')}
            rules={[{ required: true, message: t('selection.process.create.unitRequired') }]}
          >
            <TreeSelect
              treeData={treeData}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandedKeys={treeData.map((n) => n.value)}
              listHeight={360}
              placeholder={t('selection.process.create.unitPlaceholder')}
              data-testid="process-create-org"
            />
          </Form.Item>
          <Form.Item
            name="postTitle"
            label={t('selection.process.create.postTitle')}
            rules={[
              { required: true, whitespace: true, message: t('selection.process.create.postRequired') },
            ]}
          >
            <Input
              maxLength={100}
              placeholder={t('selection.process.create.postPlaceholder')}
              data-testid="process-create-post"
            />
          </Form.Item>
          <Form.Item name="rank" label={t('selection.process.create.rank')}>
            <AutoComplete
              options={valueOptions(RANK_VALUES)}
              maxLength={30}
              data-testid="process-create-rank"
            />
          </Form.Item>
          <Form.Item name="roleKind" label={t('selection.process.create.roleKind')}>
            <Select
              options={ROLE_KINDS.map((k) => ({ value: k, label: t(`selection.process.roleKind.${k}`) }))}
              data-testid="process-create-role-kind"
            />
          </Form.Item>
          <Form.Item
            name="isLeadership"
            label={t('selection.process.create.isLeadership')}
            valuePropName="checked"
          >
            <Switch data-testid="process-create-leadership" />
          </Form.Item>
          <Form.Item
            name="positions"
            label={t('selection.process.create.positions')}
            extra={t('selection.process.create.positionsHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={50} precision={0} data-testid="process-create-positions" />
          </Form.Item>
          <Form.Item name="title" label={t('selection.process.create.processTitle')}>
            <Input
              maxLength={100}
              placeholder={t('selection.process.create.processTitlePlaceholder')}
              data-testid="process-create-title"
            />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
