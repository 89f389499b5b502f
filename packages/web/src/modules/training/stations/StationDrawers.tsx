import { StationActivityInputSchema, StationCreateInputSchema, type Station } from '@ganbu/core';
import { App, DatePicker, Form, Input, InputNumber, List, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { UnitSelect } from '../practice/UnitSelect.tsx';
import {
  useAddActivity,
  useCreateStation,
  useStartStationRound,
  useStationActivities,
  useUpdateStation,
} from './api.ts';

const DAY = 'YYYY-MM-DD';

interface StationValues {
  parentId?: string | null;
  name?: string;
  managerId?: string | null;
  address?: string;
  equipment?: string;
}

/** 新建站点 (station is null) or 登记 an existing one: manager, address and equipment. */
export function StationFormDrawer({
  open,
  station,
  onClose,
}: {
  open: boolean;
  station: Station | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StationValues>();
  const create = useCreateStation();
  const update = useUpdateStation();
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };
  const onFinish = (v: StationValues) =>
    station
      ? update.mutate(
          {
            id: station.orgId,
            input: { managerId: v.managerId ?? null, address: v.address ?? '', equipment: v.equipment ?? '' },
          },
          { onSuccess: done(t('training.stations.saved')) },
        )
      : create.mutate(
          {
            parentId: v.parentId ?? '',
            name: v.name ?? '',
            managerId: v.managerId ?? null,
            address: v.address ?? '',
            equipment: v.equipment ?? '',
          },
          { onSuccess: done(t('training.stations.created')) },
        );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={
        station ? t('training.stations.editTitle', { name: station.name }) : t('training.stations.create')
      }
      width={520}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="station-form-submit"
    >
      <Form<StationValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={
          station
            ? { managerId: station.managerId, address: station.address, equipment: station.equipment }
            : {}
        }
        data-testid="station-form"
      >
        {station ? null : (
          <>
            <Form.Item
              name="parentId"
              label={t('training.stations.parent')}
              rules={[{ required: true, message: t('training.stations.parentRequired') }]}
            >
              <UnitSelect
                placeholder={t('training.stations.parentPlaceholder')}
                testId="station-form-parent"
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('training.stations.name')}
              required
              rules={[
                zodRule(StationCreateInputSchema.shape.name, {
                  message: t('training.stations.nameRequired'),
                }),
              ]}
            >
              <Input maxLength={100} data-testid="station-form-name" />
            </Form.Item>
          </>
        )}
        <Form.Item name="managerId" label={t('training.stations.manager')}>
          <CadrePicker testId="station-form-manager" />
        </Form.Item>
        <Form.Item name="address" label={t('training.stations.address')}>
          <Input maxLength={200} data-testid="station-form-address" />
        </Form.Item>
        <Form.Item name="equipment" label={t('training.stations.equipment')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="station-form-equipment" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface ActivityValues {
  heldOn?: Dayjs;
  topic?: string;
  attendees?: number;
}

/** A station's activities, newest first, and (for a manager) a form to record one. */
export function ActivitiesDrawer({
  station,
  canManage,
  onClose,
}: {
  station: Station | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const activities = useStationActivities(station?.orgId ?? null);
  const add = useAddActivity();
  const onFinish = (v: ActivityValues) =>
    station &&
    add.mutate(
      {
        id: station.orgId,
        input: {
          heldOn: (v.heldOn ?? chinaDay()).format(DAY),
          topic: v.topic ?? '',
          attendees: v.attendees ?? 0,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('training.stations.activityAdded'));
          form.resetFields();
        },
      },
    );
  return (
    <FormDrawer
      open={station !== null}
      onClose={onClose}
      title={station ? t('training.stations.activitiesTitle', { name: station.name }) : ''}
      width={560}
      saving={add.isPending}
      onSave={() => (canManage ? form.submit() : onClose())}
      saveTestId="station-activity-submit"
    >
      {canManage ? (
        <Form<ActivityValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ heldOn: chinaDay(), attendees: 0 }}
          data-testid="station-activity-form"
        >
          <Form.Item
            name="heldOn"
            label={t('training.stations.heldOn')}
            rules={[{ required: true, message: t('training.stations.heldOnRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
          </Form.Item>
          <Form.Item
            name="topic"
            label={t('training.stations.topic')}
            required
            rules={[zodRule(StationActivityInputSchema.shape.topic)]}
          >
            <Input maxLength={200} data-testid="station-activity-topic" />
          </Form.Item>
          <Form.Item name="attendees" label={t('training.stations.attendees')}>
            <InputNumber
              min={0}
              max={100000}
              style={{ width: '100%' }}
              data-testid="station-activity-attendees"
            />
          </Form.Item>
        </Form>
      ) : null}
      {activities.isPending ? (
        <Skeleton active />
      ) : (
        <List
          size="small"
          dataSource={activities.data}
          locale={{ emptyText: t('training.stations.noActivity') }}
          renderItem={(a) => (
            <List.Item extra={<Typography.Text type="secondary">{a.attendees}</Typography.Text>}>
              <List.Item.Meta title={a.topic} description={a.heldOn} />
            </List.Item>
          )}
        />
      )}
    </FormDrawer>
  );
}

interface RoundValues {
  name?: string;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
}

/** 开始站点目标管理考评 over every station in scope. */
export function StationRoundDrawer({
  open,
  scheme,
  count,
  onClose,
  onStarted,
}: {
  open: boolean;
  scheme: string;
  count: number;
  onClose: () => void;
  onStarted: (roundId: string, count: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoundValues>();
  const start = useStartStationRound();
  const year = chinaDay().year();
  const onFinish = (v: RoundValues) =>
    start.mutate(
      {
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        periodStart: (v.periodStart ?? chinaDay()).format(DAY),
        periodEnd: (v.periodEnd ?? chinaDay()).format(DAY),
      },
      { onSuccess: (r) => onStarted(r.roundId, r.targetCount) },
    );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('training.stations.roundTitle', { scheme })}
      width={480}
      saving={start.isPending}
      onSave={() => form.submit()}
      saveTestId="station-round-submit"
    >
      <Typography.Paragraph type="secondary">
        {t('training.stations.roundHint', { scheme, count })}
      </Typography.Paragraph>
      <Form<RoundValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{
          name: `${scheme}（${year}）`,
          periodStart: chinaDay().startOf('year'),
          periodEnd: chinaDay().endOf('year').startOf('day'),
        }}
      >
        <Form.Item name="name" label={t('training.stations.roundName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="periodStart"
          label={t('training.stations.periodStart')}
          rules={[{ required: true, message: t('training.stations.periodRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="periodEnd"
          label={t('training.stations.periodEnd')}
          rules={[{ required: true, message: t('training.stations.periodRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
