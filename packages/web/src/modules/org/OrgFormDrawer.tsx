import {
  EstablishmentSchema,
  OrgCreateInputSchema,
  OrgUpdateInputSchema,
  type EstablishmentKind,
  type Org,
  type OrgKind,
} from '@ganbu/core';
import { App, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useCreateOrg, useUpdateOrg } from '../../hooks/api/orgs.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { childKindsOf, ESTABLISHMENT_KINDS } from './org-labels.ts';

interface Values {
  kind?: OrgKind;
  code?: string;
  name: string;
  establishment?: Partial<Record<EstablishmentKind, number | null>>;
  difficulty: string;
  sortOrder?: number | null;
}

function cleanEstablishment(e: Values['establishment']): Partial<Record<EstablishmentKind, number>> {
  const out: Partial<Record<EstablishmentKind, number>> = {};
  for (const k of ESTABLISHMENT_KINDS) {
    const v = e?.[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/** Drawer to create a sub-unit of `org` (type 'create') or edit `org` (type 'edit'). */
export function OrgFormDrawer({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: { type: 'create' | 'edit'; org: Org } | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const creating = dialog?.type === 'create';
  const org = dialog?.org;
  const kinds = org && creating ? childKindsOf(org) : [];

  const initialValues: Values | undefined = !org
    ? undefined
    : creating
      ? { kind: kinds.length === 1 ? kinds[0] : undefined, name: '', difficulty: '1.00', sortOrder: 0 }
      : {
          name: org.name,
          establishment: { ...org.establishment },
          difficulty: org.difficulty,
          sortOrder: org.sortOrder,
        };

  const onFinish = (values: Values) => {
    if (!org) return;
    const establishment = cleanEstablishment(values.establishment);
    const sortOrder = typeof values.sortOrder === 'number' ? values.sortOrder : 0;
    if (creating) {
      create.mutate(
        {
          parentId: org.id,
          code: values.code ?? '',
          name: values.name.trim(),
          kind: values.kind as OrgKind,
          establishment,
          difficulty: values.difficulty.trim(),
          sortOrder,
        },
        {
          onSuccess: (created) => {
            void message.success(t('org.created'));
            onSaved(created);
          },
        },
      );
    } else {
      update.mutate(
        {
          id: org.id,
          input: { name: values.name.trim(), establishment, difficulty: values.difficulty.trim(), sortOrder },
        },
        {
          onSuccess: (saved) => {
            void message.success(t('org.updated'));
            onSaved(saved);
          },
        },
      );
    }
  };

  const pending = create.isPending || update.isPending;

  return (
    <FormDrawer
      open={dialog !== null}
      onClose={onClose}
      width={520}
      title={
        org
          ? creating
            ? t('org.createTitle', { parent: org.name })
            : t('org.editTitle', { name: org.name })
          : null
      }
      saving={pending}
      onSave={() => form.submit()}
      saveTestId="org-form-submit"
    >
      {org ? (
        <Form<Values>
          key={`${dialog.type}-${org.id}`}
          form={form}
          preserve={false}
          layout="vertical"
          initialValues={initialValues}
          onFinish={onFinish}
        >
          {creating ? (
            <>
              <Form.Item
                name="kind"
                label={t('org.kind')}
                required
                rules={[zodRule(OrgCreateInputSchema.shape.kind)]}
              >
                <Select
                  options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
                  data-testid="org-form-kind"
                />
              </Form.Item>
              <Form.Item
                name="code"
                label={t('org.code')}
                required
                extra={t('org.codeHint')}
                rules={[zodRule(OrgCreateInputSchema.shape.code)]}
              >
                <Input maxLength={63} autoComplete="off" data-testid="org-form-code" />
              </Form.Item>
            </>
          ) : (
            <Form.Item label={t('org.code')}>
              <Typography.Text code>{org.code}</Typography.Text>
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('org.name')}
            required
            rules={[zodRule(OrgCreateInputSchema.shape.name)]}
          >
            <Input maxLength={100} autoComplete="off" data-testid="org-form-name" />
          </Form.Item>
          <Typography.Text strong>{t('org.establishment')}</Typography.Text>
          <Flex gap={12} wrap style={{ marginTop: 8 }}>
            {ESTABLISHMENT_KINDS.map((k) => (
              <Form.Item
                key={k}
                name={['establishment', k]}
                label={t(`establishment.${k}`)}
                rules={[
                  zodRule(EstablishmentSchema, {
                    wrap: (v) => (v === undefined || v === null ? {} : { [k]: v }),
                  }),
                ]}
                style={{ flex: '1 1 140px' }}
              >
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item
              name="difficulty"
              label={t('org.difficulty')}
              required
              extra={t('org.difficultyHint')}
              rules={[zodRule(OrgUpdateInputSchema.shape.difficulty.unwrap())]}
              style={{ flex: '1 1 200px' }}
            >
              <Input inputMode="decimal" autoComplete="off" data-testid="org-form-difficulty" />
            </Form.Item>
            <Form.Item
              name="sortOrder"
              label={t('org.sortOrder')}
              rules={[zodRule(OrgCreateInputSchema.shape.sortOrder)]}
              style={{ flex: '1 1 140px' }}
            >
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        </Form>
      ) : null}
    </FormDrawer>
  );
}
