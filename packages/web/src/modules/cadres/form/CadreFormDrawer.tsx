import type { Org } from '@ganbu/core';
import { Alert, App, Button, Drawer, Flex, Form, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCadre, useCreateCadre, useUpdateCadre } from '../../../hooks/api/cadres.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { AppointmentsList } from './AppointmentsList.tsx';
import {
  fieldErrorsOf,
  inputFromValues,
  valuesFromDetail,
  type CadreFormValues,
} from './cadre-form-values.ts';
import { ExtrasList } from './ExtrasList.tsx';
import { FamilyList } from './FamilyList.tsx';
import { PersonFields } from './PersonFields.tsx';
import { PostFields } from './PostFields.tsx';

const NO_ORGS: readonly Org[] = [];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * The whole record in one form: new (`cadreId` null) or edit. Editing loads the record in clear
 * (an audited read), since the record is saved as a whole.
 */
export function CadreFormDrawer({
  open,
  cadreId,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadreId: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const mobile = useIsMobile();
  const [form] = Form.useForm<CadreFormValues>();
  const detail = useCadre(cadreId ?? undefined, true, open && cadreId !== null);
  const orgs = useOrgs(open);
  const orgItems = orgs.data ?? NO_ORGS;
  const orgTreeData = useMemo(() => toTreeSelectData(buildOrgTree(orgItems)), [orgItems]);
  const orgsById = useMemo(() => new Map(orgItems.map((o) => [o.id, o])), [orgItems]);
  // a recorded 编制所在单位 outside the writer's units: offered by the name the record carries
  const estId = detail.data?.establishmentOrgId ?? null;
  const estName = detail.data?.establishmentOrgName ?? null;
  const establishmentNode =
    estId && estName && !orgsById.has(estId) ? { value: estId, title: estName } : null;
  const create = useCreateCadre();
  const update = useUpdateCadre();
  const [problems, setProblems] = useState<string[]>([]);

  const editing = cadreId !== null;
  const ready = !editing || detail.isSuccess;
  const pending = create.isPending || update.isPending;

  const showError = (err: unknown) => {
    const fieldErrors = fieldErrorsOf(err);
    const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
    const onForm = fieldErrors.filter((f) => known.has(JSON.stringify(f.name)));
    form.setFields(onForm as Parameters<typeof form.setFields>[0]);
    setProblems([
      errorMessage(err),
      ...fieldErrors.filter((f) => !known.has(JSON.stringify(f.name))).flatMap((f) => f.errors),
    ]);
    if (onForm[0]) form.scrollToField(onForm[0].name, { block: 'center' });
  };

  const onFinish = (values: CadreFormValues) => {
    setProblems([]);
    const input = inputFromValues(values);
    if (cadreId) {
      update.mutate(
        { id: cadreId, input },
        {
          onSuccess: () => {
            void message.success(t('cadreForm.updated'));
            onSaved(cadreId);
          },
          onError: showError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: ({ id }) => {
          void message.success(t('cadreForm.created'));
          onSaved(id);
        },
        onError: showError,
      });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : 1000}
      title={
        editing ? t('cadreForm.editTitle', { name: detail.data?.name ?? '' }) : t('cadreForm.createTitle')
      }
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={pending}
            disabled={!ready}
            onClick={() => form.submit()}
            data-testid="cadre-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {editing && detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {editing && detail.isPending ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {ready ? (
        <>
          {editing ? (
            <Alert type="info" showIcon title={t('cadreForm.revealNotice')} style={{ marginBottom: 16 }} />
          ) : null}
          {problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={problems[0]}
              description={problems.length > 1 ? problems.slice(1).join(t('common.listSep')) : undefined}
              style={{ marginBottom: 16 }}
              data-testid="cadre-form-error"
            />
          ) : null}
          <Form<CadreFormValues>
            key={cadreId ?? 'new'}
            form={form}
            layout="vertical"
            initialValues={valuesFromDetail(detail.data, me.orgId)}
            onFinish={onFinish}
            onFinishFailed={({ errorFields }) => {
              if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
            }}
            scrollToFirstError={false}
            data-testid="cadre-form"
          >
            <Section title={t('cadreForm.sectionPerson')}>
              <PersonFields />
            </Section>
            <Section title={t('cadreForm.sectionPost')}>
              <PostFields orgTreeData={orgTreeData} establishmentNode={establishmentNode} />
            </Section>
            <Section title={t('cadreForm.sectionAppointments')}>
              <AppointmentsList form={form} orgTreeData={orgTreeData} orgsById={orgsById} />
            </Section>
            <Section title={t('cadreForm.sectionFamily')}>
              <FamilyList />
            </Section>
            <Section title={t('cadreForm.sectionExtras')}>
              <ExtrasList />
            </Section>
          </Form>
        </>
      ) : null}
    </Drawer>
  );
}
