import type { PackSummary, RoundCreateInput } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Tag,
  TreeSelect,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCreateRound, usePack, usePacks } from '../../../hooks/api/assessment.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { assessmentErrorText } from '../assessment-error.ts';
import { SchemeView } from '../packs/PackParts.tsx';

interface Values {
  packId?: string;
  schemeId?: string;
  name?: string;
  periodStart?: Dayjs | null;
  periodEnd?: Dayjs | null;
  orgId?: string;
  unitIds?: string[];
  cadreIds?: string[];
}

const DAY = 'YYYY-MM-DD';

/** The pack version that applies to a period ending on `end`: the latest in force that day. */
function versionFor(versions: readonly PackSummary[], end: string | undefined): PackSummary | undefined {
  const sorted = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (end ? sorted.find((v) => v.effectiveFrom <= end) : undefined) ?? sorted[0];
}

/**
 * 新建考核轮次: pack (the district's choice first) → scheme, shown as a readable summary → name,
 * period, organising unit and targets (units and/or cadres). Validated here in Chinese, then by the
 * server.
 */
export function RoundCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const packs = usePacks();
  const orgs = useOrgs();
  const create = useCreateRound();

  const packId = Form.useWatch('packId', form);
  const schemeId = Form.useWatch('schemeId', form);
  const periodEnd = Form.useWatch('periodEnd', form);

  const packOptions = useMemo(() => {
    const byPack = new Map<string, PackSummary>();
    for (const p of packs.data ?? []) if (!byPack.has(p.packId)) byPack.set(p.packId, p);
    return [...byPack.values()];
  }, [packs.data]);
  const chosenPack = packOptions.find((p) => p.selected) ?? packOptions[0];
  const version = versionFor(
    (packs.data ?? []).filter((p) => p.packId === packId),
    periodEnd ? periodEnd.format(DAY) : undefined,
  );
  const detail = usePack(version?.id);
  const schemes = detail.data?.body.assessment.schemes ?? [];
  const scheme = schemes.find((s) => s.id === schemeId);

  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  const scopeRoot = treeData[0]?.value;

  // defaults once the lists are there: the district's pack, the scope's top unit, this year
  useEffect(() => {
    if (!open) return;
    if (!form.getFieldValue('packId') && chosenPack) form.setFieldValue('packId', chosenPack.packId);
    if (!form.getFieldValue('orgId') && scopeRoot) form.setFieldValue('orgId', scopeRoot);
  }, [open, chosenPack, scopeRoot, form]);
  // a pack's first scheme when the pack changes (or the current one is not in it)
  useEffect(() => {
    if (schemes.length > 0 && !schemes.some((s) => s.id === form.getFieldValue('schemeId')))
      form.setFieldValue('schemeId', schemes[0]?.id);
  }, [schemes, form]);

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (v: Values) => {
    if (!v.schemeId || !v.name || !v.periodStart || !v.periodEnd) return;
    const input: RoundCreateInput = {
      name: v.name.trim(),
      packId: v.packId,
      schemeId: v.schemeId,
      periodStart: v.periodStart.format(DAY),
      periodEnd: v.periodEnd.format(DAY),
      orgId: v.orgId,
      population: {
        unitIds: v.unitIds ?? [],
        cadreIds: scheme?.targetKind === 'unit' ? [] : (v.cadreIds ?? []),
      },
    };
    create.mutate(input, {
      onSuccess: (round) => {
        void message.success(t('assessment.create.created', { name: round.name }));
        close();
        void navigate(`/assessment/rounds/${round.id}`);
      },
    });
  };

  const unitScheme = scheme?.targetKind === 'unit';
  const year = dayjs().year();

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('assessment.create.title')}
      size={760}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="round-form-submit"
          >
            {t('assessment.create.submit')}
          </Button>
        </Flex>
      }
    >
      {create.isError ? (
        <Alert
          type="error"
          showIcon
          title={assessmentErrorText(t, create.error)}
          style={{ marginBottom: 16 }}
          data-testid="round-form-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={submit}
        initialValues={{
          periodStart: dayjs(`${year}-01-01`),
          periodEnd: dayjs(`${year}-12-31`),
          unitIds: [],
          cadreIds: [],
        }}
        data-testid="round-form"
      >
        <Form.Item
          name="packId"
          label={t('assessment.create.pack')}
          rules={[{ required: true, message: t('assessment.validation.packRequired') }]}
          extra={version ? t('assessment.create.versionHint', { date: version.effectiveFrom }) : undefined}
        >
          <Select
            loading={packs.isPending}
            placeholder={t('assessment.create.packPlaceholder')}
            options={packOptions.map((p) => ({
              value: p.packId,
              label: (
                <span>
                  {p.name}（{p.locality}）
                  {p.selected ? (
                    <Tag color="green" style={{ marginInlineStart: 6 }}>
                      {t('assessment.create.packSelected')}
                    </Tag>
                  ) : null}
                </span>
              ),
            }))}
            data-testid="round-form-pack"
          />
        </Form.Item>
        <Form.Item
          name="schemeId"
          label={t('assessment.create.scheme')}
          rules={[{ required: true, message: t('assessment.validation.schemeRequired') }]}
        >
          <Select
            loading={detail.isFetching}
            placeholder={t('assessment.create.schemePlaceholder')}
            options={schemes.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="round-form-scheme"
          />
        </Form.Item>
        {detail.data && scheme ? (
          <div style={{ marginBottom: 24 }} data-testid="round-form-scheme-summary">
            <SchemeView pack={detail.data.body} scheme={scheme} showSources={false} compact />
          </div>
        ) : version ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : null}
        <Form.Item
          name="name"
          label={t('assessment.create.name')}
          rules={[
            { required: true, whitespace: true, message: t('assessment.validation.nameRequired') },
            { max: 100, message: t('assessment.validation.nameTooLong') },
          ]}
        >
          <Input placeholder={t('assessment.create.namePlaceholder')} data-testid="round-form-name" />
        </Form.Item>
        <Form.Item label={t('assessment.create.period')} required style={{ marginBottom: 0 }}>
          <Flex gap={8} wrap>
            <Form.Item
              name="periodStart"
              rules={[{ required: true, message: t('assessment.validation.periodRequired') }]}
            >
              <DatePicker
                placeholder={t('assessment.create.periodStart')}
                format={DAY}
                data-testid="round-form-period-start"
              />
            </Form.Item>
            <span style={{ lineHeight: '32px' }}>—</span>
            <Form.Item
              name="periodEnd"
              dependencies={['periodStart']}
              rules={[
                { required: true, message: t('assessment.validation.periodRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_r, end: Dayjs | null | undefined) => {
                    const start = getFieldValue('periodStart') as Dayjs | null | undefined;
                    if (start && end && end.isBefore(start, 'day'))
                      throw new Error(t('assessment.validation.periodOrder'));
                  },
                }),
              ]}
            >
              <DatePicker
                placeholder={t('assessment.create.periodEnd')}
                format={DAY}
                data-testid="round-form-period-end"
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('assessment.create.org')}
          extra={t('assessment.create.orgHint')}
          rules={[{ required: true, message: t('assessment.validation.orgRequired') }]}
        >
          <TreeSelect
            treeData={treeData}
            loading={orgs.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={treeData.map((n) => n.value)}
            listHeight={320}
            data-testid="round-form-org"
          />
        </Form.Item>
        <Form.Item label={t('assessment.create.population')} required style={{ marginBottom: 0 }}>
          <Form.Item
            name="unitIds"
            label={t('assessment.create.units')}
            extra={unitScheme ? t('assessment.create.unitsHintUnit') : t('assessment.create.unitsHintCadre')}
            rules={
              unitScheme
                ? [
                    {
                      required: true,
                      type: 'array',
                      min: 1,
                      message: t('assessment.validation.unitsRequired'),
                    },
                  ]
                : []
            }
          >
            <TreeSelect
              multiple
              treeData={treeData}
              loading={orgs.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandedKeys={treeData.map((n) => n.value)}
              placeholder={t('assessment.create.unitsPlaceholder')}
              listHeight={320}
              data-testid="round-form-units"
            />
          </Form.Item>
          {unitScheme ? null : (
            <Form.Item
              name="cadreIds"
              label={t('assessment.create.cadres')}
              dependencies={['unitIds']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, cadreIds: string[] | undefined) => {
                    const units = (getFieldValue('unitIds') as string[] | undefined) ?? [];
                    if (units.length === 0 && (cadreIds ?? []).length === 0)
                      throw new Error(t('assessment.validation.populationRequired'));
                  },
                }),
              ]}
            >
              <CadrePicker
                multiple
                placeholder={t('assessment.create.cadresPlaceholder')}
                testId="round-form-cadres"
              />
            </Form.Item>
          )}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
