import { formatYuan, PAY_KINDS, PAY_SECTION_KEY, type PayKind } from '@ganbu/core';
import { Alert, App, Form, Input, Select, Skeleton, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { usePack, usePacks } from '../../hooks/api/assessment.ts';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../lib/org-tree.ts';
import { useCreatePayRun } from './api.ts';
import { packChoices, payErrorText, versionFor, yuanToFen } from './labels.tsx';

interface Values {
  kind: PayKind;
  period: string;
  orgId?: string;
  packId?: string;
  budget?: string;
  name?: string;
}

/** The years offered: this year and the four before it (a run is usually for last year). */
function years(): string[] {
  const now = dayjs().year();
  return [0, 1, 2, 3, 4].map((i) => String(now - i));
}

/**
 * 新建核算: the scheme, the year, the unit whose subtree is paid (the district by default), the pack (the
 * district's by default; its version in force at the year's end), an optional budget — explained per scheme:
 * street uplift spreads it as 总量, the reward pool splits it, the other schemes use none.
 */
export function CreateRunDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const packs = usePacks();
  const orgs = useOrgs();
  const create = useCreatePayRun();

  const kind = Form.useWatch('kind', form);
  const period = Form.useWatch('period', form);
  const packId = Form.useWatch('packId', form);

  const choices = useMemo(() => packChoices(packs.data ?? []), [packs.data]);
  const version = versionFor(packs.data ?? [], packId, `${period ?? dayjs().year()}-12-31`);
  const detail = usePack(version?.id);
  const section = kind ? detail.data?.body.pay?.[PAY_SECTION_KEY[kind]] : undefined;
  const missing = !!kind && !!detail.data && !section;

  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  const scopeRoot = treeData[0]?.value;
  const chosen = choices[0]?.packId;

  const budgetHelp = (() => {
    if (kind === 'street-uplift') {
      const pct = detail.data?.body.pay?.streetUplift?.defaultBudgetPercentOfBase;
      return [
        t('pay.create.budgetUplift'),
        pct === null || pct === undefined
          ? section
            ? t('pay.create.budgetRequired')
            : ''
          : t('pay.create.budgetDefaultPercent', { percent: pct }),
      ].join('');
    }
    if (kind === 'reward-pool') {
      const pool = detail.data?.body.pay?.rewardPool?.defaultPoolFen;
      return [
        t('pay.create.budgetPool'),
        pool === null || pool === undefined
          ? section
            ? t('pay.create.budgetRequired')
            : ''
          : t('pay.create.budgetDefaultPool', { amount: formatYuan(pool) }),
      ].join('');
    }
    return t('pay.create.budgetNone');
  })();
  const usesBudget = kind === 'street-uplift' || kind === 'reward-pool';

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (v: Values) => {
    const budget = usesBudget && v.budget?.trim() ? yuanToFen(v.budget) : null;
    create.mutate(
      {
        kind: v.kind,
        period: v.period,
        orgId: v.orgId,
        packId: v.packId,
        budget: budget ?? undefined,
        name: v.name?.trim() || undefined,
      },
      {
        onSuccess: (run) => {
          void message.success(t('pay.create.created', { name: run.name }));
          close();
          void navigate(`/pay/runs/${run.id}`);
        },
      },
    );
  };

  const error = create.isError ? payErrorText(create.error) : null;

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('pay.create.title')}
      width={560}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="pay-create-submit"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.detail}
          style={{ marginBottom: 16 }}
          data-testid="pay-create-error"
        />
      ) : null}
      {/* the defaults (the district, its pack) come with the lists: the form starts once they are there */}
      {packs.isPending || orgs.isPending ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          autoComplete="off"
          onFinish={submit}
          preserve={false}
          initialValues={{
            kind: 'street-uplift',
            period: String(dayjs().year() - 1),
            packId: chosen,
            orgId: scopeRoot,
          }}
          data-testid="pay-create-form"
        >
          <Form.Item name="kind" label={t('pay.create.kind')} rules={[{ required: true }]}>
            <Select
              options={PAY_KINDS.map((k) => ({ value: k, label: t(`pay.kind.${k}`) }))}
              data-testid="pay-create-kind"
            />
          </Form.Item>
          <Form.Item name="period" label={t('pay.create.year')} rules={[{ required: true }]}>
            <Select
              options={years().map((y) => ({ value: y, label: t('pay.year', { year: y }) }))}
              data-testid="pay-create-period"
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('pay.create.unit')} extra={t('pay.create.unitHint')}>
            <TreeSelect
              treeData={treeData}
              loading={orgs.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandedKeys={treeData.map((n) => n.value)}
              listHeight={360}
              data-testid="pay-create-org"
            />
          </Form.Item>
          <Form.Item
            name="packId"
            label={t('pay.create.pack')}
            extra={version ? t('pay.create.packHint', { date: version.effectiveFrom }) : undefined}
          >
            <Select
              loading={packs.isPending}
              options={choices.map((p) => ({
                value: p.packId,
                label: (
                  <span>
                    {p.name}（{p.locality}）
                    {p.selected ? (
                      <Tag color="green" style={{ marginInlineStart: 6 }}>
                        {t('pay.create.packSelected')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              }))}
              data-testid="pay-create-pack"
            />
          </Form.Item>
          {missing ? (
            <Alert
              type="warning"
              showIcon
              title={t('pay.create.kindMissing', { kind: t(`pay.kind.${kind}`) })}
              style={{ marginBottom: 16 }}
              data-testid="pay-create-kind-missing"
            />
          ) : null}
          <Form.Item
            name="budget"
            label={t('pay.create.budget')}
            extra={
              <Typography.Text type="secondary" data-testid="pay-create-budget-help">
                {budgetHelp}
              </Typography.Text>
            }
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || yuanToFen(v) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('pay.create.budgetInvalid'))),
              },
            ]}
          >
            <Input prefix="¥" disabled={!usesBudget} inputMode="decimal" data-testid="pay-create-budget" />
          </Form.Item>
          <Form.Item name="name" label={t('pay.create.name')}>
            <Input
              maxLength={100}
              placeholder={t('pay.create.namePlaceholder')}
              data-testid="pay-create-name"
            />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
