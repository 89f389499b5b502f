import { AutoComplete, Col, Form, Input, Row, Select, Switch, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgTreeSelectNode } from '../../../lib/org-tree.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { categoryOptions, RANK_VALUES, tagOptions, valueOptions } from '../cadre-vocab.ts';
import { COL, S, WIDE } from './rules.ts';

/**
 * Unit, 编制所在单位, post, rank, category, tags, and the long texts (专长, 奖惩, 年度考核). The establishment
 * unit offers the writer's units; one already recorded outside them (a street's establishment for a department
 * cadre) is offered by its name (`establishmentNode`), never as an id.
 */
export function PostFields({
  orgTreeData,
  establishmentNode,
}: {
  orgTreeData: OrgTreeSelectNode[];
  establishmentNode?: OrgTreeSelectNode | null;
}) {
  const { t } = useTranslation();
  const establishmentTree = establishmentNode ? [establishmentNode, ...orgTreeData] : orgTreeData;
  return (
    <Row gutter={16}>
      <Col {...COL}>
        <Form.Item name="orgId" label={t('cadre.org')} required rules={[zodRule(S.orgId)]}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={orgTreeData}
            popupMatchSelectWidth={false}
            placeholder={t('cadres.orgPlaceholder')}
            data-testid="cadre-form-org"
          />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item
          name="establishmentOrgId"
          label={t('cadre.establishmentOrg')}
          extra={t('cadreForm.establishmentHint')}
        >
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={establishmentTree}
            popupMatchSelectWidth={false}
            placeholder={t('cadreForm.establishmentPlaceholder')}
            data-testid="cadre-form-establishment"
          />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item name="postTitle" label={t('cadre.postTitle')} rules={[zodRule(S.postTitle)]}>
          <Input count={{ max: 200 }} data-testid="cadre-form-post-title" />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item name="rank" label={t('cadre.rank')} rules={[zodRule(S.rank)]}>
          <AutoComplete options={valueOptions(RANK_VALUES)} />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item name="category" label={t('cadre.category')}>
          <Select allowClear options={categoryOptions(t)} />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item name="professionalType" label={t('cadre.professionalType')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item
          name="professionalTitle"
          label={t('cadre.professionalTitle')}
          rules={[zodRule(S.professionalTitle)]}
        >
          <Input count={{ max: 50 }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={16}>
        <Form.Item
          name="tags"
          label={t('cadre.tags')}
          rules={[zodRule(S.tags)]}
          extra={t('cadreForm.tagsHint')}
        >
          <Select mode="tags" options={tagOptions(t)} maxCount={20} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Col>
      <Col {...WIDE}>
        <Form.Item name="specialty" label={t('cadre.specialty')} rules={[zodRule(S.specialty)]}>
          <Input count={{ max: 200 }} />
        </Form.Item>
      </Col>
      <Col {...WIDE}>
        <Form.Item
          name="rewardsAndPunishments"
          label={t('cadre.rewardsAndPunishments')}
          rules={[zodRule(S.rewardsAndPunishments)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ max: 4000 }} showCount />
        </Form.Item>
      </Col>
      <Col {...WIDE}>
        <Form.Item
          name="annualAssessment"
          label={t('cadre.annualAssessment')}
          rules={[zodRule(S.annualAssessment)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} count={{ max: 1000 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
