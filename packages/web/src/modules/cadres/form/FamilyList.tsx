import { DeleteOutlined } from '@ant-design/icons';
import { FamilyMemberSchema } from '@ganbu/core';
import { AutoComplete, Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditableRowsList } from '../../../components/EditableRowsList.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { POLITICAL_STATUS_VALUES, RELATION_VALUES, valueOptions } from '../cadre-vocab.ts';
import { NEW_FAMILY } from './cadre-form-values.ts';
import { dateRules } from './rules.ts';

const F = FamilyMemberSchema.shape;

/** 家庭主要成员及重要社会关系 (sensitive: stored encrypted). */
export function FamilyList() {
  const { t } = useTranslation();
  return (
    <EditableRowsList
      name="family"
      max={20}
      newRow={() => ({ ...NEW_FAMILY })}
      addLabel={t('cadreForm.addFamily')}
      rowTestId="cadre-form-family"
      addTestId="cadre-form-add-family"
      card={() => ({ styles: { body: { paddingBottom: 0 } } })}
      row={(name, { remove }) => (
        <Row gutter={12} align="top">
          <Col xs={12} md={4}>
            <Form.Item
              name={[name, 'relation']}
              label={t('cadre.relation')}
              required
              rules={[zodRule(F.relation)]}
            >
              <AutoComplete options={valueOptions(RELATION_VALUES)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'name']} label={t('cadre.familyName')} required rules={[zodRule(F.name)]}>
              <Input count={{ max: 50 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'birthDate']} label={t('cadre.birthDate')} rules={dateRules(t, false)}>
              <Input placeholder={t('cadreForm.datePlaceholder')} count={{ max: 10 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name={[name, 'politicalStatus']}
              label={t('cadre.politicalStatus')}
              rules={[zodRule(F.politicalStatus)]}
            >
              <AutoComplete options={valueOptions(POLITICAL_STATUS_VALUES)} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={20} md={7}>
            <Form.Item
              name={[name, 'workUnitAndPost']}
              label={t('cadre.workUnitAndPost')}
              rules={[zodRule(F.workUnitAndPost)]}
            >
              <Input count={{ max: 200 }} />
            </Form.Item>
          </Col>
          <Col xs={4} md={1}>
            <Form.Item label=" " colon={false}>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('cadreForm.remove')}
                onClick={remove}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
