import { CORRECTABLE_FIELDS, CorrectionCreateInputSchema, type CadreDetail } from '@ganbu/core';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestCorrection } from '../../../hooks/api/cadre-corrections.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { correctionErrorText } from './correction-error.ts';
import { currentValue, fieldLabel, type CorrectableField } from './correction-fields.ts';

interface Values {
  field: CorrectableField;
  proposedValue: string;
  reason?: string;
}

const FIELD = CorrectionCreateInputSchema.shape.field;
const PROPOSED = CorrectionCreateInputSchema.shape.proposedValue;
const REASON = CorrectionCreateInputSchema.shape.reason;

/** 申请更正: which field, the right value and why; one field per request. */
export function CorrectionRequestModal({
  cadre,
  open,
  onClose,
  onSubmitted,
}: {
  cadre: CadreDetail;
  open: boolean;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const field = Form.useWatch('field', form);
  const request = useRequestCorrection();
  const now = field ? currentValue(t, cadre, field) : null;

  const close = () => {
    request.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('corrections.requestTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: request.isPending, 'data-testid': 'correction-submit' }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('corrections.requestHint')}</Typography.Paragraph>
      {request.isError ? (
        <Alert
          type="error"
          showIcon
          title={correctionErrorText(request.error)}
          style={{ marginBottom: 16 }}
          data-testid="correction-form-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        preserve={false}
        layout="vertical"
        autoComplete="off"
        data-testid="correction-form"
        onFinish={(values) => {
          request.mutate(
            {
              cadreId: cadre.id,
              input: {
                field: values.field,
                proposedValue: values.proposedValue,
                reason: values.reason ?? '',
              },
            },
            {
              onSuccess: () => {
                void message.success(t('corrections.requested'));
                request.reset();
                onSubmitted();
              },
            },
          );
        }}
      >
        <Form.Item name="field" label={t('corrections.field')} required rules={[zodRule(FIELD)]}>
          <Select<CorrectableField>
            placeholder={t('corrections.fieldPlaceholder')}
            options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="correction-field"
          />
        </Form.Item>
        {field && now !== null ? (
          <Form.Item label={t('corrections.currentValue')}>
            <Typography.Text
              type="secondary"
              style={{ whiteSpace: 'pre-wrap' }}
              data-testid="correction-current"
            >
              {now || t('common.empty')}
            </Typography.Text>
          </Form.Item>
        ) : null}
        <Form.Item
          name="proposedValue"
          label={t('corrections.proposedValue')}
          required
          rules={[zodRule(PROPOSED)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('corrections.proposedPlaceholder')}
            data-testid="correction-proposed"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('corrections.reason')} rules={[zodRule(REASON)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('corrections.reasonPlaceholder')}
            data-testid="correction-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
