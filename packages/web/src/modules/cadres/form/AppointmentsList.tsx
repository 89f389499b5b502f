import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { AppointmentSchema, type Org } from '@ganbu/core';
import { AutoComplete, Button, Checkbox, Col, Flex, Form, Input, Row, Select, TreeSelect } from 'antd';
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { EditableRowsList } from '../../../components/EditableRowsList.tsx';
import type { OrgTreeSelectNode } from '../../../lib/org-tree.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { orgKindOptions, RANK_VALUES, roleKindOptions, valueOptions } from '../cadre-vocab.ts';
import { NEW_APPOINTMENT, type CadreFormValues } from './cadre-form-values.ts';
import { dateRules } from './rules.ts';

const A = AppointmentSchema.shape;
const firstDay = (d: string) => (d.length === 7 ? `${d}-01` : d);

/** 任职经历: one card per post, in the order of the 简历 (oldest first). */
export function AppointmentsList({
  form,
  orgTreeData,
  orgsById,
}: {
  form: FormInstance<CadreFormValues>;
  orgTreeData: OrgTreeSelectNode[];
  orgsById: ReadonlyMap<string, Org>;
}) {
  const { t } = useTranslation();

  const endAfterStart =
    (index: number): Rule =>
    ({ getFieldValue }) => ({
      validator: async (_r, value: unknown) => {
        const start = getFieldValue(['appointments', index, 'start']) as unknown;
        if (typeof value !== 'string' || !value || typeof start !== 'string' || !start) return;
        if (firstDay(value) < firstDay(start)) throw new Error(t('cadreForm.endBeforeStart'));
      },
    });

  // Picking a unit of the tree fills in its name and kind.
  const onPickOrg = (index: number, orgId: string | undefined) => {
    const org = orgId ? orgsById.get(orgId) : undefined;
    if (!org) return;
    form.setFieldValue(['appointments', index, 'unitName'], org.name);
    form.setFieldValue(['appointments', index, 'unitKind'], org.kind);
  };

  return (
    <EditableRowsList
      name="appointments"
      max={60}
      newRow={() => ({ ...NEW_APPOINTMENT })}
      addLabel={t('cadreForm.addAppointment')}
      rowTestId="cadre-form-appointment"
      addTestId="cadre-form-add-appointment"
      card={(ops) => ({
        title: t('cadreForm.appointmentNo', { n: ops.index + 1 }),
        extra: (
          <Flex gap={4}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={ops.index === 0}
              aria-label={t('cadreForm.moveUp')}
              onClick={() => ops.move(ops.index - 1)}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={ops.index === ops.count - 1}
              aria-label={t('cadreForm.moveDown')}
              onClick={() => ops.move(ops.index + 1)}
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('cadreForm.remove')}
              onClick={ops.remove}
            />
          </Flex>
        ),
      })}
      row={(name) => (
        <Row gutter={12}>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'start']} label={t('cadre.start')} required rules={dateRules(t, true)}>
              <Input placeholder={t('cadreForm.datePlaceholder')} count={{ max: 10 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name={[name, 'end']}
              label={t('cadre.end')}
              dependencies={[['appointments', name, 'start']]}
              rules={[...dateRules(t, false), endAfterStart(name)]}
            >
              <Input placeholder={t('cadreForm.endPlaceholder')} count={{ max: 10 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={[name, 'unitName']}
              label={t('cadre.unitName')}
              required
              rules={[zodRule(A.unitName)]}
            >
              <Input count={{ max: 200 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'title']} label={t('cadre.appointmentTitle')} rules={[zodRule(A.title)]}>
              <Input count={{ max: 200 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'orgId']} label={t('cadreForm.unitInTree')}>
              <TreeSelect
                allowClear
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeData={orgTreeData}
                popupMatchSelectWidth={false}
                placeholder={t('cadreForm.unitInTreeHint')}
                onChange={(v: string | undefined) => onPickOrg(name, v)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'unitKind']} label={t('cadre.unitKind')}>
              <Select allowClear options={orgKindOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'roleKind']} label={t('cadre.roleKind')} rules={[zodRule(A.roleKind)]}>
              <Select options={roleKindOptions(t)} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'rank']} label={t('cadre.rank')} rules={[zodRule(A.rank)]}>
              <AutoComplete options={valueOptions(RANK_VALUES)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'isLeadership']} label=" " valuePropName="checked" colon={false}>
              <Checkbox>{t('cadre.isLeadership')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
