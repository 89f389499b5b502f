import { CorrectionDecisionInputSchema, type CadreDetail, type Correction } from '@ganbu/core';
import { Alert, App, Button, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDecideCorrection, type CorrectionDecision } from '../../../hooks/api/cadre-corrections.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { correctionErrorText } from './correction-error.ts';
import { currentValue, fieldLabel } from './correction-fields.ts';
import { ProposedValue } from './ProposedValue.tsx';

const NOTE = CorrectionDecisionInputSchema.shape.note;
const MULTILINE = { whiteSpace: 'pre-wrap' } as const;

/**
 * 采纳 / 不予采纳 with a note. The server only records the decision: the record itself is corrected
 * through 修改 (its usual validation and audit), which this dialog offers before accepting.
 */
export function CorrectionDecisionModal({
  open,
  cadre,
  correction,
  decision,
  onClose,
  onEditRecord,
}: {
  open: boolean;
  cadre: CadreDetail;
  correction: Correction;
  decision: CorrectionDecision;
  onClose: () => void;
  onEditRecord?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideCorrection();
  const accept = decision === 'accepted';
  const empty = t('common.empty');

  const close = () => {
    decide.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={accept ? t('corrections.acceptTitle') : t('corrections.rejectTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={accept ? t('corrections.accept') : t('corrections.reject')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: decide.isPending,
        danger: !accept,
        'data-testid': 'correction-decision-submit',
      }}
      destroyOnHidden
      width={600}
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        data-testid="correction-decision-summary"
      >
        <Descriptions.Item label={t('corrections.cadre')}>{cadre.name}</Descriptions.Item>
        <Descriptions.Item label={t('corrections.field')}>
          {fieldLabel(t, correction.field)}
        </Descriptions.Item>
        <Descriptions.Item label={t('corrections.currentValue')}>
          <span style={MULTILINE}>{currentValue(t, cadre, correction.field) || empty}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('corrections.proposedValue')}>
          <ProposedValue correction={correction} revealed={cadre.revealed} />
        </Descriptions.Item>
        <Descriptions.Item label={t('corrections.reason')}>
          <span style={MULTILINE}>{correction.reason || empty}</span>
        </Descriptions.Item>
      </Descriptions>
      {accept ? (
        <Alert
          type="info"
          showIcon
          title={t('corrections.acceptHint')}
          action={
            onEditRecord ? (
              <Button size="small" onClick={onEditRecord} data-testid="correction-decision-edit">
                {t('corrections.editRecord')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {decide.isError ? (
        <Alert
          type="error"
          showIcon
          title={correctionErrorText(decide.error)}
          style={{ marginBottom: 16 }}
          data-testid="correction-decision-error"
        />
      ) : null}
      <Form
        form={form}
        preserve={false}
        layout="vertical"
        autoComplete="off"
        onFinish={({ note }: { note?: string }) => {
          decide.mutate(
            { id: correction.id, cadreId: correction.cadreId, status: decision, note: note ?? '' },
            {
              onSuccess: () => {
                void message.success(accept ? t('corrections.accepted') : t('corrections.rejected'));
                close();
              },
            },
          );
        }}
      >
        <Form.Item
          name="note"
          label={t('corrections.decisionNote')}
          // the cadre is told why: a refusal needs a note
          required={!accept}
          rules={
            accept
              ? [zodRule(NOTE)]
              : [
                  { required: true, whitespace: true, message: t('corrections.rejectNoteRequired') },
                  zodRule(NOTE),
                ]
          }
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={
              accept ? t('corrections.acceptNotePlaceholder') : t('corrections.rejectNotePlaceholder')
            }
            data-testid="correction-decision-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
