import { App, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CadrePicker } from '../../../components/CadrePicker.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useNominate } from '../api.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  cadreId?: string;
  deeds: string;
  usePhoto: boolean;
}

/**
 * 提名人选: a cadre of the user's scope (the picker searches only there), the deeds and whether the board shows
 * the record's photo; a refusal (名额已满, 资格不符 with the engine's reasons) stays in the drawer.
 */
export function NominateDrawer({
  batchId,
  open,
  onClose,
}: {
  batchId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const nominate = useNominate();

  const close = () => {
    nominate.reset();
    onClose();
  };
  const onFinish = (v: Values) =>
    nominate.mutate(
      { batchId, input: { cadreId: v.cadreId ?? '', deeds: v.deeds.trim(), usePhoto: v.usePhoto } },
      {
        onSuccess: (batch) => {
          const added = batch.nominations.find((n) => n.cadreId === v.cadreId && n.state === 'nominated');
          void message.success(t('honours.batches.nominate.saved', { name: added?.cadreName ?? '' }));
          close();
        },
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('honours.batches.nominate.title')}
      width={560}
      saving={nominate.isPending}
      onSave={() => form.submit()}
      saveTestId="nominate-form-submit"
    >
      {nominate.isError ? (
        <RefusalAlert
          error={nominate.error}
          title={t('honours.batches.nominate.refused')}
          testId="nominate-refused"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ usePhoto: true, deeds: '' }}
        onFinish={onFinish}
        onValuesChange={() => {
          if (nominate.isError) nominate.reset();
        }}
        data-testid="nominate-form"
      >
        <Form.Item
          name="cadreId"
          label={t('honours.batches.nominate.cadre')}
          extra={t('honours.batches.nominate.cadreHint')}
          rules={[{ required: true, message: t('honours.batches.nominate.cadreRequired') }]}
        >
          <CadrePicker testId="nominate-form-cadre" />
        </Form.Item>
        <Form.Item
          name="deeds"
          label={t('honours.batches.nominate.deeds')}
          rules={[{ required: true, whitespace: true, message: t('honours.batches.nominate.deedsRequired') }]}
        >
          <Input.TextArea
            rows={6}
            maxLength={2000}
            showCount
            placeholder={t('honours.batches.nominate.deedsPlaceholder')}
            data-testid="nominate-form-deeds"
          />
        </Form.Item>
        <Form.Item name="usePhoto" valuePropName="checked">
          <Checkbox data-testid="nominate-form-photo">{t('honours.batches.nominate.usePhoto')}</Checkbox>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
