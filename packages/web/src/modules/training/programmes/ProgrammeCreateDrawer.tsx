import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ENROLMENT_MODES, type EnrolmentMode, type TrainingPolicyView } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useCreateProgramme } from './api.ts';
import { DAY, OrgTreePicker } from './common.tsx';

type Unit = 'days' | 'hours';

interface Values {
  name: string;
  kindId?: string;
  organiserOrgId?: string;
  dates?: [Dayjs, Dayjs];
  unit: Unit;
  amount?: number;
  enrolmentMode: EnrolmentMode;
  targetOrgIds: string[];
  seats?: number | null;
  sessions: { title: string; on?: Dayjs; amount?: number }[];
  note: string;
}

/**
 * 新建培训班次 (organisation department): name, kind, organiser, dates, the credit in days or in hours (学时,
 * turned into days by the pack's rate as one types), how cadres get in, the target units, and optional
 * sessions (each day's lesson, for attendance per session).
 */
export function ProgrammeCreateDrawer({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: TrainingPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateProgramme();
  const unit = Form.useWatch('unit', form);
  const amount = Form.useWatch('amount', form);
  const mode = Form.useWatch('enrolmentMode', form);
  const perDay = policy?.hoursPerDay;
  const preview =
    unit === 'hours' && typeof amount === 'number' && perDay
      ? t('training.programmes.form.hoursPreview', {
          hours: amount,
          perDay,
          days: Number((amount / perDay).toFixed(2)),
          pack: policy.packName,
        })
      : null;

  const onFinish = (v: Values) => {
    const [start, end] = v.dates ?? [];
    create.mutate(
      {
        name: v.name,
        kindId: v.kindId ?? '',
        organiserOrgId: v.organiserOrgId ?? '',
        startOn: start?.format(DAY) ?? '',
        endOn: end?.format(DAY) ?? '',
        ...(v.unit === 'hours' ? { hours: v.amount } : { days: v.amount }),
        target: { orgIds: v.targetOrgIds ?? [], condition: null },
        enrolmentMode: v.enrolmentMode,
        seats: v.seats ?? null,
        sessions: (v.sessions ?? []).map((s) => ({
          title: s.title,
          on: s.on?.format(DAY) ?? '',
          ...(s.amount === undefined || s.amount === null
            ? {}
            : v.unit === 'hours'
              ? { hours: s.amount }
              : { days: s.amount }),
        })),
        note: v.note ?? '',
      },
      {
        onSuccess: (p) => {
          void message.success(t('training.programmes.form.created'));
          onClose();
          void navigate(`/training/programmes/${p.id}`);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('training.programmes.create')}
      width={620}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="programme-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          unit: 'days',
          enrolmentMode: 'application',
          targetOrgIds: [],
          sessions: [],
          note: '',
        }}
        onFinish={onFinish}
        data-testid="programme-form"
      >
        <Form.Item
          name="name"
          label={t('training.programmes.name')}
          rules={[{ required: true, whitespace: true, message: t('training.programmes.form.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="programme-form-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="kindId"
            label={t('training.programmes.kind')}
            rules={[{ required: true, message: t('training.programmes.form.kindRequired') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              options={(policy?.programmeKinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
              data-testid="programme-form-kind"
            />
          </Form.Item>
          <Form.Item
            name="organiserOrgId"
            label={t('training.programmes.organiser')}
            rules={[{ required: true, message: t('training.programmes.form.organiserRequired') }]}
            style={{ flex: '1 1 260px' }}
          >
            <OrgTreePicker testId="programme-form-organiser" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="dates"
          label={t('training.programmes.dates')}
          rules={[{ required: true, message: t('training.programmes.form.datesRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="programme-form-dates" />
        </Form.Item>
        <Flex gap={12} wrap align="flex-start">
          <Form.Item name="unit" label={t('training.programmes.form.creditIn')}>
            <Radio.Group data-testid="programme-form-unit">
              <Radio.Button value="days">{t('training.programmes.form.inDays')}</Radio.Button>
              <Radio.Button value="hours">{t('training.programmes.form.inHours')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="amount"
            label={
              unit === 'hours' ? t('training.programmes.form.hours') : t('training.programmes.form.days')
            }
            rules={[{ required: true, message: t('training.programmes.form.amountRequired') }]}
          >
            <InputNumber
              min={0}
              max={unit === 'hours' ? 24 * 366 : 366}
              step={0.5}
              data-testid="programme-form-amount"
            />
          </Form.Item>
        </Flex>
        {preview ? (
          <Alert
            type="info"
            showIcon
            title={preview}
            style={{ marginBottom: 16 }}
            data-testid="programme-form-preview"
          />
        ) : null}
        <Form.Item name="enrolmentMode" label={t('training.programmes.mode')}>
          <Radio.Group data-testid="programme-form-mode">
            {ENROLMENT_MODES.map((m) => (
              <Radio.Button key={m} value={m} data-testid={`programme-form-mode-${m}`}>
                {t(`training.programmes.modes.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {mode ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t(`training.programmes.modeHints.${mode}`)}
          </Typography.Paragraph>
        ) : null}
        {mode === 'competitive' ? (
          <Form.Item name="seats" label={t('training.programmes.form.seats')}>
            <InputNumber min={1} max={10000} data-testid="programme-form-seats" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="targetOrgIds"
          label={t('training.programmes.form.target')}
          extra={t('training.programmes.form.targetHint')}
        >
          <OrgTreePicker multiple allowClear testId="programme-form-target" />
        </Form.Item>
        <Typography.Text strong>{t('training.programmes.form.sessions')}</Typography.Text>
        <Typography.Paragraph type="secondary">
          {t('training.programmes.form.sessionsHint')}
        </Typography.Paragraph>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              {fields.map((f) => (
                <Flex
                  key={f.key}
                  gap={8}
                  align="flex-start"
                  wrap
                  data-testid={`programme-form-session-${f.name}`}
                >
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('training.programmes.form.sessionTitleRequired'),
                      },
                    ]}
                    style={{ flex: '1 1 180px', marginBottom: 8 }}
                  >
                    <Input placeholder={t('training.programmes.form.sessionTitle')} maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'on']}
                    rules={[{ required: true, message: t('training.programmes.form.sessionDayRequired') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <DatePicker placeholder={t('training.programmes.form.sessionDay')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} style={{ marginBottom: 8 }}>
                    <InputNumber
                      min={0}
                      step={0.5}
                      placeholder={
                        unit === 'hours'
                          ? t('training.programmes.form.hours')
                          : t('training.programmes.form.days')
                      }
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('training.programmes.form.removeSession')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '' })}
                disabled={fields.length >= 200}
                data-testid="programme-form-add-session"
              >
                {t('training.programmes.form.addSession')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t('training.programmes.form.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="programme-form-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
