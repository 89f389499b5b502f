import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { GENDERS } from '@ganbu/core';
import {
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  TreeSelect,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import type { CadreFilters } from '../../../hooks/api/cadres.ts';
import type { OrgTreeSelectNode } from '../../../lib/org-tree.ts';
import {
  categoryOptions,
  DEGREE_VALUES,
  EDUCATION_VALUES,
  POLITICAL_STATUS_VALUES,
  RANK_VALUES,
  tagOptions,
  valueOptions,
} from '../cadre-vocab.ts';
import { filtersFromValues, moreFilterCount, valuesFromFilters, type FilterValues } from './filter-values.ts';

const EMPTY_VALUES = valuesFromFilters({});
const COL = { xs: 24, sm: 12, lg: 8, xxl: 6 } as const;

/** Query form above the roster (Ant Design Pro style): common filters, and more behind 更多条件. */
export function RosterFilterForm({
  filters,
  orgTreeData,
  onSearch,
}: {
  filters: CadreFilters;
  orgTreeData: OrgTreeSelectNode[];
  onSearch: (filters: CadreFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  // 可提拔 asks the eligibility engine: only the roles that read discipline records may filter by it
  const eligibilityReader = useCurrentMe().roles.some((r) => r === 'orgdept' || r === 'discipline');
  const [expanded, setExpanded] = useState(() => moreFilterCount(filters) > 0);
  const hidden = expanded ? 0 : moreFilterCount(filters);
  const filtersKey = JSON.stringify(filters);

  // The applied filters may change from outside (a saved filter, the back button): show them.
  useEffect(() => {
    form.resetFields();
  }, [form, filtersKey]);

  const submit = () => onSearch(filtersFromValues(form.getFieldsValue(true) as FilterValues));
  const fact = (name: keyof FilterValues, label: string, testId?: string) => (
    <Col {...COL}>
      <Form.Item name={name} label={label} valuePropName="checked">
        <Switch data-testid={testId} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<FilterValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '112px' }}
      labelWrap
      colon={false}
      initialValues={valuesFromFilters(filters)}
      onFinish={submit}
    >
      <Row gutter={16}>
        <Col {...COL}>
          <Form.Item name="q" label={t('cadres.name')}>
            <Input allowClear placeholder={t('cadres.namePlaceholder')} data-testid="roster-filter-name" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="orgId" label={t('cadres.org')}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              treeData={orgTreeData}
              placeholder={t('cadres.orgPlaceholder')}
              popupMatchSelectWidth={false}
              data-testid="roster-filter-org"
            />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="gender" label={t('cadres.gender')}>
            <Select
              allowClear
              placeholder={t('cadres.any')}
              options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              data-testid="roster-filter-gender"
            />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={t('cadres.age')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="ageMin" noStyle>
                <InputNumber
                  min={0}
                  max={120}
                  precision={0}
                  placeholder={t('cadres.ageFrom')}
                  style={{ width: '50%' }}
                  data-testid="roster-filter-age-min"
                />
              </Form.Item>
              <Form.Item name="ageMax" noStyle>
                <InputNumber
                  min={0}
                  max={120}
                  precision={0}
                  placeholder={t('cadres.ageTo')}
                  style={{ width: '50%' }}
                  data-testid="roster-filter-age-max"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="education" label={t('cadres.education')}>
            <AutoComplete options={valueOptions(EDUCATION_VALUES)} allowClear>
              <Input placeholder={t('cadres.any')} data-testid="roster-filter-education" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name="politicalStatus" label={t('cadres.politicalStatus')}>
            <AutoComplete options={valueOptions(POLITICAL_STATUS_VALUES)} allowClear>
              <Input placeholder={t('cadres.any')} data-testid="roster-filter-political-status" />
            </AutoComplete>
          </Form.Item>
        </Col>
        {expanded ? (
          <>
            <Col {...COL}>
              <Form.Item name="degree" label={t('cadres.degree')}>
                <AutoComplete options={valueOptions(DEGREE_VALUES)} allowClear>
                  <Input placeholder={t('cadres.any')} data-testid="roster-filter-degree" />
                </AutoComplete>
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="rank" label={t('cadres.rank')}>
                <AutoComplete options={valueOptions(RANK_VALUES)} allowClear>
                  <Input placeholder={t('cadres.any')} data-testid="roster-filter-rank" />
                </AutoComplete>
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="category" label={t('cadres.category')}>
                <Select
                  allowClear
                  placeholder={t('cadres.any')}
                  options={categoryOptions(t)}
                  data-testid="roster-filter-category"
                />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="tag" label={t('cadres.tags')}>
                <Select
                  allowClear
                  placeholder={t('cadres.any')}
                  options={tagOptions(t)}
                  data-testid="roster-filter-tag"
                />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="professionalType" label={t('cadres.professionalType')}>
                <Select
                  allowClear
                  placeholder={t('cadres.any')}
                  options={[
                    { value: 'true', label: t('common.yes') },
                    { value: 'false', label: t('common.no') },
                  ]}
                  data-testid="roster-filter-professional"
                />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="grassrootsYearsMin" label={t('cadres.grassrootsYearsMin')}>
                <InputNumber
                  min={0}
                  max={60}
                  precision={0}
                  suffix={t('cadres.yearsUnit')}
                  style={{ width: '100%' }}
                  data-testid="roster-fact-grassroots-years"
                />
              </Form.Item>
            </Col>
            {fact('streetOrTownship', t('cadres.factStreetOrTownship'), 'roster-fact-township')}
            {fact('streetLeadership', t('cadres.factStreetLeadership'), 'roster-fact-street-leadership')}
            {fact('townshipSecretary', t('cadres.factTownshipSecretary'), 'roster-fact-township-secretary')}
            {eligibilityReader ? (
              <Col {...COL}>
                <Form.Item
                  name="promotableOn"
                  label={t('cadres.promotableOn')}
                  tooltip={t('cadres.promotableOnHint')}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="roster-filter-promotable" />
                </Form.Item>
              </Col>
            ) : null}
          </>
        ) : null}
        <Col flex="auto" style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Form.Item>
            <Space wrap>
              <Button
                onClick={() => {
                  form.setFieldsValue(EMPTY_VALUES);
                  onSearch({});
                }}
                data-testid="roster-reset"
              >
                {t('common.reset')}
              </Button>
              <Button type="primary" htmlType="submit" data-testid="roster-search">
                {t('common.search')}
              </Button>
              <Button
                type="link"
                onClick={() => setExpanded((v) => !v)}
                aria-expanded={expanded}
                data-testid="roster-more"
              >
                {expanded ? t('cadres.lessFilters') : t('cadres.moreFilters')}
                {hidden > 0 ? t('cadres.activeCount', { count: hidden }) : null}
                {expanded ? <UpOutlined /> : <DownOutlined />}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
