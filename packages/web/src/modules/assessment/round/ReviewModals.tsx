import { Alert, App, Checkbox, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  useOverrideGrade,
  useWaive,
  useWaiveUnit,
  type RoundResults,
  type TargetResult,
} from '../../../hooks/api/assessment.ts';
import { UnitPicker } from '../../selection/after/common.tsx';
import { assessmentErrorText } from '../assessment-error.ts';

/** Limits of the API (WaiverInputSchema, GradeOverrideInputSchema in core). */
const REASON_MAX = 500;
const REF_MAX = 100;

/** Reason: required, at least 2 characters after trimming (as the server checks). */
function useReasonRules() {
  const { t } = useTranslation();
  return [
    { required: true, whitespace: true, message: t('assessment.validation.reasonRequired') },
    {
      validator: async (_r: unknown, v: string | undefined) => {
        if (v && v.trim().length > 0 && v.trim().length < 2)
          throw new Error(t('assessment.validation.reasonTooShort'));
      },
    },
  ];
}

/** 豁免理由: one field for the single and the unit waiver (required, 2–500 characters as the server checks). */
function WaiverReasonField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const reasonRules = useReasonRules();
  return (
    <Form.Item
      name="reason"
      label={t('assessment.waiver.reason')}
      rules={[...reasonRules, { max: REASON_MAX, message: t('validation.tooLong', { max: REASON_MAX }) }]}
      style={{ marginBottom: 0 }}
    >
      <Input.TextArea
        autoSize={{ minRows: 3, maxRows: 6 }}
        maxLength={REASON_MAX}
        showCount
        placeholder={t('assessment.waiver.reasonPlaceholder')}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/**
 * 人数不足豁免: the groups below their minimum for one target, with one reason; recorded, then the
 * round is computed again so the target gets its total.
 */
export function WaiverModal({
  roundId,
  results,
  target,
  onClose,
}: {
  roundId: string;
  results: RoundResults;
  target: TargetResult | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ groupIds: string[]; reason: string }>();
  const waive = useWaive();
  const insufficient = target?.explanation?.tally.insufficientGroups ?? [];
  const nameOf = (id: string) => results.raterGroups.find((g) => g.id === id)?.name ?? id;
  // over the whole round, not only the page (the server counts)
  const anyOverride = results.counts.overridden > 0;
  const close = () => {
    waive.reset();
    onClose();
  };
  return (
    <Modal
      open={!!target}
      title={target ? t('assessment.waiver.title', { name: target.name }) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('assessment.waiver.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: waive.isPending, 'data-testid': 'waiver-submit' }}
      width={620}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={`${t('assessment.waiver.recomputeHint')}${anyOverride ? ` ${t('assessment.waiver.overridesCleared')}` : ''}`}
        style={{ marginBottom: 16 }}
      />
      {waive.isError ? (
        <Alert
          type="error"
          showIcon
          title={assessmentErrorText(t, waive.error)}
          style={{ marginBottom: 16 }}
          data-testid="waiver-error"
        />
      ) : null}
      {target ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ groupIds: insufficient.map((g) => g.groupId), reason: '' }}
          onFinish={({ groupIds, reason }) =>
            waive.mutate(
              { roundId, targetId: target.id, groupIds, reason: reason.trim() },
              {
                onSuccess: () => {
                  void message.success(t('assessment.waiver.done'));
                  close();
                },
              },
            )
          }
        >
          <Form.Item
            name="groupIds"
            label={t('assessment.waiver.groups')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('assessment.validation.groupsRequired') },
            ]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={insufficient.map((g) => ({
                value: g.groupId,
                label:
                  g.reason === 'empty'
                    ? t('assessment.waiver.groupEmpty', { name: nameOf(g.groupId) })
                    : t('assessment.waiver.groupLine', {
                        name: nameOf(g.groupId),
                        count: g.ballotCount,
                        min: g.minRaters,
                      }),
              }))}
              data-testid="waiver-groups"
            />
          </Form.Item>
          <WaiverReasonField testId="waiver-reason" />
        </Form>
      ) : null}
    </Modal>
  );
}

/**
 * 按单位豁免 (issue 10 §4): one rater group waived, with one reason, for every target of a unit (and its
 * subunits) short of that group — the server finds them from the tally; the round is then computed again.
 * The groups offered are those some target is short of, with how many targets.
 */
export function UnitWaiverModal({
  roundId,
  results,
  open,
  onClose,
}: {
  roundId: string;
  results: RoundResults;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: string; groupId: string; reason: string }>();
  const waive = useWaiveUnit();
  // targets short of each group over the whole round (the server counts them for the organiser)
  const shortOf = new Map(Object.entries(results.counts.shortByGroup ?? {}));
  const close = () => {
    waive.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('assessment.unitWaiver.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('assessment.waiver.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: waive.isPending, 'data-testid': 'unit-waiver-submit' }}
      width={620}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('assessment.unitWaiver.hint')} style={{ marginBottom: 16 }} />
      {waive.isError ? (
        <Alert
          type="error"
          showIcon
          title={assessmentErrorText(t, waive.error)}
          style={{ marginBottom: 16 }}
          data-testid="unit-waiver-error"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ orgId, groupId, reason }) =>
          waive.mutate(
            { roundId, orgId, groupId, reason: reason.trim() },
            {
              onSuccess: (r) => {
                void message.success(t('assessment.unitWaiver.done', { count: r.waived }));
                close();
              },
            },
          )
        }
      >
        <Form.Item
          name="orgId"
          label={t('assessment.unitWaiver.unit')}
          rules={[{ required: true, message: t('assessment.unitWaiver.unitRequired') }]}
        >
          <UnitPicker testId="unit-waiver-unit" placeholder={t('assessment.unitWaiver.unitRequired')} />
        </Form.Item>
        <Form.Item
          name="groupId"
          label={t('assessment.unitWaiver.group')}
          rules={[{ required: true, message: t('assessment.validation.groupsRequired') }]}
        >
          <Select
            data-testid="unit-waiver-group"
            options={results.raterGroups
              .filter((g) => shortOf.has(g.id))
              .map((g) => ({
                value: g.id,
                label: t('assessment.unitWaiver.groupLine', { name: g.name, count: shortOf.get(g.id) }),
              }))}
          />
        </Form.Item>
        <WaiverReasonField testId="unit-waiver-reason" />
      </Form>
    </Modal>
  );
}

interface OverrideValues {
  grade?: string;
  reason: string;
  exceptionApproved: boolean;
  approvalRef?: string;
}

/**
 * 调整等次 by the committee: a grade and a reason; when the scheme's quota allows it, an approved
 * exception with its reference. The server refuses what breaks the quota (shown with the quota group's
 * name) or lacks a reason.
 */
export function OverrideModal({
  roundId,
  results,
  target,
  unitNames,
  onClose,
}: {
  roundId: string;
  results: RoundResults;
  target: TargetResult | null;
  unitNames: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const override = useOverrideGrade();
  const reasonRules = useReasonRules();
  const exceptionAllowed = results.quotaRule?.allowApprovedException === true;
  const exception = Form.useWatch('exceptionApproved', form) === true;
  const close = () => {
    override.reset();
    onClose();
  };
  return (
    <Modal
      open={!!target}
      title={target ? t('assessment.override.title', { name: target.name }) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: override.isPending, 'data-testid': 'override-submit' }}
      width={620}
      destroyOnHidden
    >
      {target ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'total', label: t('assessment.override.total'), children: target.total?.value ?? '—' },
              {
                key: 'proposed',
                label: t('assessment.override.proposed'),
                children: target.proposedGradeName ?? '—',
              },
            ]}
          />
          {override.isError ? (
            <Alert
              type="error"
              showIcon
              title={
                <span data-testid="override-error">{assessmentErrorText(t, override.error, unitNames)}</span>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              grade: undefined,
              reason: target.overrideReason ?? '',
              exceptionApproved: false,
            }}
            onValuesChange={() => {
              if (override.isError) override.reset();
            }}
            onFinish={(v) =>
              override.mutate(
                {
                  roundId,
                  targetId: target.id,
                  grade: v.grade ?? '',
                  reason: v.reason.trim(),
                  exceptionApproved: exceptionAllowed && v.exceptionApproved,
                  approvalRef: exceptionAllowed && v.exceptionApproved ? (v.approvalRef ?? '').trim() : '',
                },
                {
                  onSuccess: () => {
                    void message.success(t('assessment.override.done'));
                    close();
                  },
                },
              )
            }
          >
            <Form.Item
              name="grade"
              label={t('assessment.override.grade')}
              rules={[{ required: true, message: t('assessment.validation.gradeRequired') }]}
            >
              <Select
                options={results.grades.map((g) => ({ value: g.code, label: g.name }))}
                placeholder={t('assessment.validation.gradeRequired')}
                data-testid="override-grade"
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('assessment.override.reason')}
              rules={[
                ...reasonRules,
                { max: REASON_MAX, message: t('validation.tooLong', { max: REASON_MAX }) },
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 6 }}
                maxLength={REASON_MAX}
                showCount
                placeholder={t('assessment.override.reasonPlaceholder')}
                data-testid="override-reason"
              />
            </Form.Item>
            {exceptionAllowed ? (
              <>
                <Alert
                  type="info"
                  showIcon
                  title={t('assessment.override.exceptionHint')}
                  style={{ marginBottom: 12 }}
                />
                <Form.Item name="exceptionApproved" valuePropName="checked">
                  <Checkbox data-testid="override-exception">{t('assessment.override.exception')}</Checkbox>
                </Form.Item>
                {exception ? (
                  <Form.Item
                    name="approvalRef"
                    label={t('assessment.override.approvalRef')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('assessment.validation.approvalRefRequired'),
                      },
                      { max: REF_MAX, message: t('validation.tooLong', { max: REF_MAX }) },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      maxLength={REF_MAX}
                      placeholder={t('assessment.override.approvalRefPlaceholder')}
                      data-testid="override-approval-ref"
                    />
                  </Form.Item>
                ) : null}
              </>
            ) : null}
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
