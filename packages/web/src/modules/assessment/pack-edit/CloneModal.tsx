import type { PackDetail, PackSummary } from '@ganbu/core';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { freshPackId, packEditPath, today, type CloneHeader } from './editor-model.ts';

const ID = /^[a-z][a-z0-9-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 复制为本地版本: the copy's id, name, effective date and note; then the editor opens on the copy.
 * A shipped (id, date) pair cannot be taken; an existing district version with it would be replaced.
 */
export function CloneModal({
  source,
  versions,
  open,
  onClose,
}: {
  source: PackDetail;
  versions: readonly PackSummary[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CloneHeader>();
  const id = Form.useWatch('id', form);
  const date = Form.useWatch('effectiveFrom', form);
  const existing = versions.find((v) => v.packId === id && v.effectiveFrom === date);

  const initial: CloneHeader = {
    id: freshPackId(source.packId, versions),
    name: `${source.body.name}${t('assessment.packEdit.copySuffix')}`.slice(0, 50),
    effectiveFrom: today(),
    note: '',
  };

  const submit = async () => {
    const header = await form.validateFields();
    onClose();
    void navigate(packEditPath(source.id, { ...header, note: header.note ?? '' }));
  };

  return (
    <Modal
      open={open}
      title={t('assessment.packEdit.cloneTitle', { name: source.body.name })}
      okText={t('assessment.packEdit.cloneOk')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'clone-ok' }}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        data-testid="clone-form"
        requiredMark={false}
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('assessment.packEdit.cloneHelp')} />
        <Form.Item
          name="id"
          label={t('assessment.packEdit.labels.id')}
          extra={t('assessment.packEdit.idHelp')}
          rules={[
            { required: true, message: t('assessment.packEdit.problems.required') },
            { pattern: ID, message: t('assessment.packEdit.problems.packId') },
          ]}
        >
          <Input data-testid="clone-id" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('assessment.packEdit.labels.name')}
          rules={[
            { required: true, whitespace: true, message: t('assessment.packEdit.problems.required') },
            { max: 50, message: t('assessment.packEdit.problems.textMax', { n: 50 }) },
          ]}
        >
          <Input data-testid="clone-name" />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('assessment.packEdit.labels.effectiveFrom')}
          dependencies={['id']}
          rules={[
            { required: true, message: t('assessment.packEdit.problems.required') },
            { pattern: DATE, message: t('assessment.packEdit.problems.date') },
            {
              validator: async (_, value: string) => {
                const clash = versions.find(
                  (v) =>
                    v.origin === 'shipped' &&
                    v.packId === form.getFieldValue('id') &&
                    v.effectiveFrom === value,
                );
                if (clash) throw new Error(t('assessment.packEdit.problems.shipped'));
              },
            },
          ]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="clone-date" />
        </Form.Item>
        <Form.Item name="note" label={t('assessment.packEdit.labels.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="clone-note" />
        </Form.Item>
        {existing?.origin === 'edited' ? (
          <Alert type="warning" showIcon title={t('assessment.packEdit.overwrites')} />
        ) : null}
      </Form>
    </Modal>
  );
}
