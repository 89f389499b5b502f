import { LockOutlined } from '@ant-design/icons';
import { EducationSchema, GENDERS } from '@ganbu/core';
import { AutoComplete, Col, Divider, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../lib/zod-rule.ts';
import { DEGREE_VALUES, EDUCATION_VALUES, POLITICAL_STATUS_VALUES, valueOptions } from '../cadre-vocab.ts';
import { COL, dateRules, idNumberRules, S } from './rules.ts';

const E = EducationSchema.shape;

function EducationFields({
  name,
  title,
}: {
  name: 'fullTimeEducation' | 'inServiceEducation';
  title: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start" className="divider-flush-start" plain>
        {title}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={[name, 'education']} label={t('cadre.education')} rules={[zodRule(E.education)]}>
            <AutoComplete options={valueOptions(EDUCATION_VALUES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={[name, 'degree']} label={t('cadre.degree')} rules={[zodRule(E.degree)]}>
            <AutoComplete options={valueOptions(DEGREE_VALUES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={[name, 'school']} label={t('cadre.school')} rules={[zodRule(E.school)]}>
            <Input count={{ max: 100 }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={[name, 'major']} label={t('cadre.major')} rules={[zodRule(E.major)]}>
            <Input count={{ max: 100 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Personal data, identity (sensitive) and education. */
export function PersonFields() {
  const { t } = useTranslation();
  const datePlaceholder = t('cadreForm.datePlaceholder');
  const sensitive = <LockOutlined title={t('cadre.sensitive')} style={{ marginInlineStart: 4 }} />;
  return (
    <>
      <Row gutter={16}>
        <Col {...COL}>
          <Form.Item name="name" label={t('cadre.name')} required rules={[zodRule(S.name)]}>
            <Input count={{ max: 50 }} autoComplete="off" data-testid="cadre-form-name" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="gender" label={t('cadre.gender')} required rules={[zodRule(S.gender)]}>
            <Radio.Group
              optionType="button"
              options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              data-testid="cadre-form-gender"
            />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="birthDate" label={t('cadre.birthDate')} required rules={dateRules(t, true)}>
            <Input placeholder={datePlaceholder} count={{ max: 10 }} data-testid="cadre-form-birth-date" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="ethnicity" label={t('cadre.ethnicity')} rules={[zodRule(S.ethnicity)]}>
            <Input count={{ max: 20 }} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="nativePlace" label={t('cadre.nativePlace')} rules={[zodRule(S.nativePlace)]}>
            <Input count={{ max: 50 }} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="birthPlace" label={t('cadre.birthPlace')} rules={[zodRule(S.birthPlace)]}>
            <Input count={{ max: 50 }} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item
            name="politicalStatus"
            label={t('cadre.politicalStatus')}
            rules={[zodRule(S.politicalStatus)]}
          >
            <AutoComplete options={valueOptions(POLITICAL_STATUS_VALUES)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="partyJoinDate" label={t('cadre.partyJoinDate')} rules={dateRules(t, false)}>
            <Input
              placeholder={datePlaceholder}
              count={{ max: 10 }}
              data-testid="cadre-form-party-join-date"
            />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="workStartDate" label={t('cadre.workStartDate')} rules={dateRules(t, false)}>
            <Input placeholder={datePlaceholder} count={{ max: 10 }} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item
            name="idNumber"
            label={
              <>
                {t('cadre.idNumber')}
                {sensitive}
              </>
            }
            rules={idNumberRules(t)}
          >
            <Input count={{ max: 18 }} autoComplete="off" data-testid="cadre-form-id-number" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item
            name="phone"
            label={
              <>
                {t('cadre.phone')}
                {sensitive}
              </>
            }
            rules={[zodRule(S.phone)]}
          >
            <Input count={{ max: 20 }} autoComplete="off" inputMode="tel" data-testid="cadre-form-phone" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item
            name="health"
            label={
              <>
                {t('cadre.health')}
                {sensitive}
              </>
            }
            rules={[zodRule(S.health)]}
          >
            <Input count={{ max: 50 }} />
          </Form.Item>
        </Col>
      </Row>
      <EducationFields name="fullTimeEducation" title={t('cadre.fullTimeEducation')} />
      <EducationFields name="inServiceEducation" title={t('cadre.inServiceEducation')} />
    </>
  );
}
