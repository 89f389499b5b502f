import { ArrowLeftOutlined } from '@ant-design/icons';
import { can, type ToleranceCaseDetail } from '@ganbu/core';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Tooltip,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCase, useCommitteeCandidates, useSetCommittee } from './api.ts';
import { CaseProcessCard } from './CaseProcessCard.tsx';
import { AftercareCard } from './tolerance/AftercareCard.tsx';
import { ChecklistCard } from './tolerance/ChecklistCard.tsx';
import { DecisionCard } from './tolerance/DecisionCard.tsx';
import { OUTCOME_COLOR, RecordStateTag, useKindLabel } from './vocab.tsx';

/** 联席会议成员: chosen among 组织部 and 纪检联络 accounts until the decision. */
function CommitteeCard({ c, editable }: { c: ToleranceCaseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = editable && c.outcome === null;
  const candidates = useCommitteeCandidates(c.id, open);
  const save = useSetCommittee();
  const [chosen, setChosen] = useState<string[]>(c.committee.map((m) => m.userId));
  useEffect(() => setChosen(c.committee.map((m) => m.userId)), [c.committee]);
  return (
    <Card size="small" title={t('discipline.tolerance.committee')} data-testid="case-committee">
      <Flex vertical gap={8}>
        <Space wrap>
          {c.committee.length === 0
            ? t('common.empty')
            : c.committee.map((m) => <Tag key={m.userId}>{m.name}</Tag>)}
        </Space>
        {open ? (
          <Flex gap={8}>
            <Select
              mode="multiple"
              style={{ flex: 1 }}
              value={chosen}
              onChange={setChosen}
              loading={candidates.isPending}
              options={(candidates.data ?? []).map((u) => ({
                value: u.userId,
                label: `${u.name}（${u.unitName}）`,
              }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="committee-select"
            />
            <Button
              loading={save.isPending}
              disabled={chosen.length === 0}
              onClick={() =>
                save.mutate(
                  { id: c.id, userIds: chosen },
                  { onSuccess: () => void message.success(t('discipline.tolerance.committeeSaved')) },
                )
              }
              data-testid="committee-save"
            >
              {t('discipline.tolerance.setCommittee')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 容错申请详情: facts, the records, 报备在先, the checklist and investigation, the committee and its decision. */
export function ToleranceCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const editable = can(me.roles, 'discipline.write');
  const canRead = can(me.roles, 'discipline.read');
  const q = useCase(id);
  const label = useKindLabel();
  const c = q.data;
  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => void navigate('/discipline/tolerance')}
          />
          <span>
            {c ? `${t('discipline.tolerance.detail')} · ${c.cadreName}` : t('discipline.tolerance.detail')}
          </span>
          {c?.outcome ? (
            <Tag color={OUTCOME_COLOR[c.outcome]}>{t(`discipline.outcome.${c.outcome}`)}</Tag>
          ) : null}
        </Flex>
      }
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!c ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]} data-testid="case-detail">
          <Col xs={24} lg={12}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('discipline.tolerance.facts')}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('discipline.tolerance.cadre')}>
                    {c.cadreName}（{c.unitName}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('discipline.tolerance.appliedBy')}>
                    {t(`discipline.appliedBy.${c.appliedBy}`)} · {c.appliedOn}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('discipline.tolerance.factsOn')}>
                    {c.factsOn ?? ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('discipline.tolerance.facts')}>{c.facts}</Descriptions.Item>
                  <Descriptions.Item label={t('discipline.tolerance.riskFiling')}>
                    {c.riskFiling ? (
                      <Space wrap>
                        {c.riskFiling.project}
                        <Tooltip
                          title={t('discipline.tolerance.filedFirstHint', {
                            filedOn: c.riskFiling.filedOn,
                            workStartsOn: c.riskFiling.workStartsOn,
                            factsOn: c.factsOn ?? '',
                          })}
                        >
                          <Tag color={c.filedFirst ? 'green' : 'orange'} data-testid="case-filed-first">
                            {c.filedFirst
                              ? t('discipline.tolerance.filedFirst')
                              : t('discipline.tolerance.notFiledFirst')}
                          </Tag>
                        </Tooltip>
                      </Space>
                    ) : (
                      t('discipline.tolerance.none')
                    )}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={t('discipline.tolerance.records')} data-testid="case-records">
                {c.records.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discipline.tab.empty')} />
                ) : (
                  <List
                    size="small"
                    dataSource={c.records}
                    renderItem={(r) => (
                      <List.Item extra={<RecordStateTag record={r} />}>
                        {label(r.kind, r.grade)} · {r.decidedOn} · {r.documentNo}
                      </List.Item>
                    )}
                  />
                )}
              </Card>
              <CommitteeCard c={c} editable={editable} />
              <DecisionCard c={c} canRead={canRead} />
            </Flex>
          </Col>
          <Col xs={24} lg={12}>
            <Flex vertical gap={16}>
              {c.caseId && canRead ? <CaseProcessCard caseId={c.caseId} /> : null}
              <ChecklistCard key={`${c.id}-${c.investigatedOn ?? ''}`} c={c} editable={editable} />
              <AftercareCard c={c} editable={editable} />
            </Flex>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}

export default ToleranceCasePage;
