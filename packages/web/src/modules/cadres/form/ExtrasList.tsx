import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/** 其他信息: imported fields the registry has no column for, as name/value pairs. */
export function ExtrasList() {
  const { t } = useTranslation();
  const uniqueKey: Rule = ({ getFieldValue }) => ({
    validator: async (_r, value: unknown) => {
      const list = (getFieldValue('extras') ?? []) as { key?: string }[];
      const key = typeof value === 'string' ? value.trim() : '';
      if (key && list.filter((e) => e.key?.trim() === key).length > 1) {
        throw new Error(t('cadreForm.duplicateExtra'));
      }
    },
  });
  return (
    <Form.List name="extras">
      {(fields, { add, remove }) => (
        <Flex vertical>
          {fields.map(({ key, name }) => (
            <Space.Compact key={key} block style={{ marginBottom: 0 }}>
              <Form.Item
                name={[name, 'key']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }, uniqueKey]}
                style={{ width: '35%' }}
              >
                <Input placeholder={t('cadre.extraKey')} count={{ max: 100 }} />
              </Form.Item>
              <Form.Item name={[name, 'value']} style={{ flex: 1 }}>
                <Input placeholder={t('cadre.extraValue')} count={{ max: 2000 }} />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                danger
                aria-label={t('cadreForm.remove')}
                onClick={() => remove(name)}
              />
            </Space.Compact>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
            {t('cadreForm.addExtra')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
