import type { BurdenEntry, BurdenEntryInput, BurdenRegister, BurdenRegisterPolicyView } from '@ganbu/core';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { registersZhCN } from './i18n.zh-CN.ts';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { useSaveEntry } from './api.ts';

const DAY = 'YYYY-MM-DD';

interface Values {
  date: Dayjs;
  endDate?: Dayjs | null;
  orgId?: string;
  kindId?: string;
  level?: string;
  title: string;
  minutes?: number;
  targetOrgIds?: string[];
  video?: boolean;
  number?: string;
  veto?: boolean;
  overPlanRef?: string;
  overPlanOn?: Dayjs | null;
  vetoRef?: string;
  vetoOn?: Dayjs | null;
  cadreId?: string;
  times?: number;
  hours?: number;
}

function UnitTree({
  value,
  onChange,
  multiple,
  testId,
  placeholder,
}: {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  testId: string;
  placeholder: string;
}) {
  const orgs = useOrgs();
  const treeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? []), (o) => !o.active),
    [orgs.data],
  );
  return (
    <TreeSelect
      value={value}
      onChange={onChange}
      treeData={treeData}
      multiple={multiple}
      loading={orgs.isPending}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={320}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

const initial = (e: BurdenEntry | null): Partial<Values> =>
  e
    ? {
        date: dayjs(e.date),
        endDate: e.endDate ? dayjs(e.endDate) : null,
        orgId: e.orgId,
        kindId: e.kindId ?? undefined,
        level: e.level,
        title: e.title,
        minutes: e.minutes ?? undefined,
        targetOrgIds: e.targets.map((x) => x.id),
        video: e.video ?? false,
        number: e.number ?? '',
        veto: e.veto,
        overPlanRef: e.overPlanApproval?.reference,
        overPlanOn: e.overPlanApproval ? dayjs(e.overPlanApproval.approvedOn) : null,
        vetoRef: e.vetoApproval?.reference,
        vetoOn: e.vetoApproval ? dayjs(e.vetoApproval.approvedOn) : null,
        cadreId: e.cadreId ?? undefined,
        times: e.times ?? undefined,
        hours: e.hours ?? 0,
      }
    : { date: chinaDay(), video: false, veto: false, hours: 0, level: '', number: '' };

function inputOf(register: BurdenRegister, v: Values): BurdenEntryInput {
  const d = (x: Dayjs | null | undefined) => (x ? x.format(DAY) : null);
  switch (register) {
    case 'meeting':
      return {
        register,
        heldOn: v.date.format(DAY),
        orgId: v.orgId ?? '',
        kindId: v.kindId ?? '',
        level: v.level ?? '',
        title: v.title,
        minutes: v.minutes ?? 0,
        targetOrgIds: v.targetOrgIds ?? [],
        video: v.video ?? false,
      };
    case 'document':
      return {
        register,
        issuedOn: v.date.format(DAY),
        orgId: v.orgId ?? '',
        kindId: v.kindId ?? '',
        number: v.number ?? '',
        title: v.title,
      };
    case 'inspection':
      return {
        register,
        orgId: v.orgId ?? '',
        kindId: v.kindId ?? '',
        title: v.title,
        startOn: v.date.format(DAY),
        endOn: d(v.endDate),
        targetOrgIds: v.targetOrgIds ?? [],
        veto: v.veto ?? false,
        overPlanApproval:
          v.overPlanRef && v.overPlanOn
            ? { reference: v.overPlanRef, approvedOn: v.overPlanOn.format(DAY) }
            : null,
        vetoApproval:
          v.vetoRef && v.vetoOn ? { reference: v.vetoRef, approvedOn: v.vetoOn.format(DAY) } : null,
      };
    case 'overtime':
      return {
        register,
        cadreId: v.cadreId ?? '',
        fromOn: v.date.format(DAY),
        toOn: d(v.endDate),
        times: v.times ?? 0,
        hours: v.hours ?? 0,
        reason: v.title,
      };
  }
}

/** 登记 / 修改 one entry of a register; a refusal (e.g. beyond the plan) shows the server's explanation. */
export function EntryDrawer({
  register,
  entry,
  open,
  policy,
  onClose,
}: {
  register: BurdenRegister;
  entry: BurdenEntry | null;
  open: boolean;
  policy: BurdenRegisterPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEntry();
  const c = (key: keyof typeof registersZhCN.columns) => t(`burden.registers.columns.${key}`);
  const required = [{ required: true, message: t('burden.registers.form.required') }];
  const kinds =
    register === 'meeting'
      ? policy?.meetingKinds
      : register === 'document'
        ? policy?.documentKinds
        : register === 'inspection'
          ? policy?.inspectionKinds
          : [];
  const name = t(`burden.registers.registers.${register}`);
  const futureOk = register === 'inspection';
  const notAfterToday = (d: Dayjs) => !futureOk && d.isAfter(chinaDay(), 'day');

  return (
    <FormDrawer
      open={open}
      onClose={() => {
        save.reset();
        onClose();
      }}
      title={t(entry ? 'burden.registers.form.titleEdit' : 'burden.registers.form.titleAdd', {
        register: name,
      })}
      width={560}
      saving={save.isPending}
      onSave={() => form.submit()}
      saveTestId="burden-entry-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial(entry)}
        onFinish={(v) =>
          save.mutate(
            { id: entry?.id ?? null, input: inputOf(register, v) },
            {
              onSuccess: () => {
                void message.success(t('burden.registers.saved'));
                onClose();
              },
            },
          )
        }
        data-testid="burden-entry-form"
      >
        {register === 'inspection' && policy ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('burden.registers.form.planHint', {
              max: policy.yearlyMax ?? '—',
              per: policy.perOrganiserPerUnitMax ?? '—',
              pack: policy.packName,
              by: policy.overPlanApprovalBy,
            })}
            description={
              policy.vetoApprovalBy
                ? t('burden.registers.form.vetoHint', { by: policy.vetoApprovalBy })
                : undefined
            }
          />
        ) : null}
        {register === 'overtime' ? (
          <Form.Item name="cadreId" label={c('cadre')} rules={required}>
            <CadrePicker testId="burden-entry-cadre" />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={c(register === 'document' ? 'issuer' : 'org')} rules={required}>
            <UnitTree testId="burden-entry-org" placeholder={t('burden.registers.form.unitPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="date" label={c('date')} rules={required}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={notAfterToday}
            data-testid="burden-entry-date"
          />
        </Form.Item>
        {register === 'inspection' || register === 'overtime' ? (
          <Form.Item name="endDate" label={c('period')}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
          </Form.Item>
        ) : null}
        {kinds && kinds.length ? (
          <Form.Item name="kindId" label={c('kind')} rules={required}>
            <Select
              options={kinds.map((k) => ({ value: k.id, label: k.name }))}
              data-testid="burden-entry-kind"
            />
          </Form.Item>
        ) : null}
        {register === 'meeting' ? (
          <Form.Item name="level" label={c('level')}>
            <Input maxLength={20} placeholder={t('burden.registers.form.levelPlaceholder')} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="title"
          label={c(register === 'overtime' ? 'reason' : register === 'document' ? 'docTitle' : 'title')}
          rules={required}
        >
          <Input maxLength={200} data-testid="burden-entry-title" />
        </Form.Item>
        {register === 'document' ? (
          <Form.Item name="number" label={c('number')}>
            <Input maxLength={60} />
          </Form.Item>
        ) : null}
        {register === 'meeting' ? (
          <>
            <Form.Item name="minutes" label={c('minutes')} rules={required}>
              <InputNumber
                min={1}
                max={1440}
                precision={0}
                style={{ width: '100%' }}
                data-testid="burden-entry-minutes"
              />
            </Form.Item>
            <Form.Item name="targetOrgIds" label={c('targets')}>
              <UnitTree
                multiple
                testId="burden-entry-targets"
                placeholder={t('burden.registers.form.targetsPlaceholder')}
              />
            </Form.Item>
            <Form.Item name="video" label={c('video')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        ) : null}
        {register === 'inspection' ? (
          <>
            <Form.Item name="targetOrgIds" label={c('inspected')} rules={required}>
              <UnitTree
                multiple
                testId="burden-entry-targets"
                placeholder={t('burden.registers.form.targetsPlaceholder')}
              />
            </Form.Item>
            <Form.Item name="veto" label={c('veto')} valuePropName="checked">
              <Switch data-testid="burden-entry-veto" />
            </Form.Item>
            <Form.Item name="overPlanRef" label={t('burden.registers.form.overPlanRef')}>
              <Input maxLength={60} data-testid="burden-entry-overplan-ref" />
            </Form.Item>
            <Form.Item name="overPlanOn" label={t('burden.registers.form.overPlanOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="burden-entry-overplan-on" />
            </Form.Item>
            <Form.Item name="vetoRef" label={t('burden.registers.form.vetoRef')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="vetoOn" label={t('burden.registers.form.vetoOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {register === 'overtime' ? (
          <>
            <Form.Item name="times" label={c('times')} rules={required}>
              <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="hours" label={c('hours')}>
              <InputNumber min={0} max={2000} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
