import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { exchangeDefaultEnd, type AfterPolicyView } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useCreateExchangeBatch } from './api.ts';
import { DAY, UnitPicker } from './common.tsx';

interface Values {
  batchYear: number;
  kindId?: string;
  startOn: Dayjs;
  endOn?: Dayjs | null;
  postings: { cadreId?: string; hostOrgId?: string; hostPost?: string }[];
}

/**
 * 批量派出: one year's batch of one kind, several cadres each to a host unit; the end defaults to the kind's
 * usual months (shown, explained); a kind that moves the record says so before saving.
 */
export function ExchangeBatchDrawer({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: AfterPolicyView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateExchangeBatch();
  const kindId = Form.useWatch('kindId', form);
  const startOn = Form.useWatch('startOn', form);
  const kind = policy?.exchangeKinds.find((k) => k.id === kindId);
  const preview =
    kind && startOn && policy ? exchangeDefaultEnd(startOn.format(DAY), kind, policy.packName) : null;

  const onFinish = (v: Values) =>
    create.mutate(
      {
        batchYear: v.batchYear,
        kindId: v.kindId ?? '',
        startOn: v.startOn.format(DAY),
        endOn: v.endOn ? v.endOn.format(DAY) : undefined,
        postings: v.postings.map((p) => ({
          cadreId: p.cadreId ?? '',
          hostOrgId: p.hostOrgId ?? '',
          hostPost: p.hostPost ?? '',
        })),
      },
      {
        onSuccess: (r) => {
          void message.success(t('selection.after.exchanges.created', { count: r.items.length }));
          onClose();
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('selection.after.exchanges.create')}
      width={720}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="exchange-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ batchYear: dayjs().year(), startOn: dayjs(), postings: [{}] }}
        onFinish={onFinish}
        data-testid="exchange-form"
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="batchYear"
            label={t('selection.after.exchanges.batchYear')}
            rules={[{ required: true, message: t('selection.after.exchanges.yearRequired') }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: 120 }} data-testid="exchange-form-year" />
          </Form.Item>
          <Form.Item
            name="kindId"
            label={t('selection.after.exchanges.kind')}
            rules={[{ required: true, message: t('selection.after.exchanges.kindRequired') }]}
            style={{ minWidth: 180 }}
          >
            <Select
              data-testid="exchange-form-kind"
              options={(policy?.exchangeKinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
            />
          </Form.Item>
          <Form.Item
            name="startOn"
            label={t('selection.after.exchanges.startOn')}
            rules={[{ required: true }]}
          >
            <DatePicker data-testid="exchange-form-start" />
          </Form.Item>
          <Form.Item
            name="endOn"
            label={t('selection.after.exchanges.endOn')}
            extra={
              kind ? t('selection.after.exchanges.endDefault', { months: kind.defaultMonths }) : undefined
            }
          >
            <DatePicker placeholder={preview?.date} data-testid="exchange-form-end" />
          </Form.Item>
        </Flex>
        {preview ? (
          <Alert
            type="info"
            showIcon
            title={preview.explanation}
            style={{ marginBottom: 12 }}
            data-testid="exchange-form-preview"
          />
        ) : null}
        {kind?.movesRecord ? (
          <Alert
            type="warning"
            showIcon
            title={t('selection.after.exchanges.movesWarning', { kind: kind.name })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Typography.Title level={5}>{t('selection.after.exchanges.postings')}</Typography.Title>
        <Form.List
          name="postings"
          rules={[
            {
              validator: async (_r, v: unknown[] | undefined) => {
                if (!v || v.length === 0) throw new Error(t('selection.after.exchanges.postingsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  size="small"
                  key={f.key}
                  style={{ marginBottom: 8 }}
                  data-testid={`exchange-posting-${i}`}
                >
                  <Flex gap={8} wrap align="start">
                    <Form.Item
                      name={[f.name, 'cadreId']}
                      label={t('selection.after.cadre')}
                      rules={[{ required: true, message: t('selection.after.reviews.cadreRequired') }]}
                      style={{ flex: '1 1 200px', marginBottom: 0 }}
                    >
                      <CadrePicker testId={`exchange-posting-cadre-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'hostOrgId']}
                      label={t('selection.after.exchanges.host')}
                      rules={[{ required: true, message: t('selection.after.exchanges.hostRequired') }]}
                      style={{ flex: '1 1 200px', marginBottom: 0 }}
                    >
                      <UnitPicker testId={`exchange-posting-host-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'hostPost']}
                      label={t('selection.after.exchanges.hostPost')}
                      style={{ flex: '1 1 140px', marginBottom: 0 }}
                    >
                      <Input maxLength={100} data-testid={`exchange-posting-post-${i}`} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      disabled={fields.length === 1}
                      style={{ marginTop: 30 }}
                      aria-label={t('selection.after.exchanges.removePosting')}
                    />
                  </Flex>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({})}
                data-testid="exchange-add-posting"
              >
                {t('selection.after.exchanges.addPosting')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
