import { can } from '@ganbu/core';
import { Card, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { useModuleTexts } from '../../i18n/use-module-texts.ts';
import { useCadreRecords, useCases, useClarifications } from './api.ts';
import { disciplineModule } from './module.tsx';
import { CONCLUSION_COLOR, OUTCOME_COLOR, RecordStateTag, useKindLabel } from './vocab.tsx';

function Body({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const officer = can(me.roles, 'discipline.write');
  const records = useCadreRecords(cadreId);
  const cases = useCases({ cadreId, pageSize: 200 });
  const reports = useClarifications({ cadreId, state: 'concluded', pageSize: 200 });
  const label = useKindLabel();
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discipline.tab.empty')} />;
  return (
    <Flex vertical gap={16} data-testid="cadre-discipline">
      <Card size="small" title={t('discipline.tab.records')}>
        {records.isPending ? (
          <Skeleton active />
        ) : (records.data?.items ?? []).length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={records.data?.items}
            renderItem={(r) => (
              <List.Item extra={<RecordStateTag record={r} />}>
                <Flex vertical>
                  <Typography.Text strong>
                    {label(r.kind, r.grade)} · {r.decidedOn}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {r.decidedBy} {r.documentNo} · {r.facts}
                  </Typography.Text>
                  {r.decisions.map((d) => (
                    <Typography.Text key={d.toleranceCaseId}>
                      <Tag color={OUTCOME_COLOR[d.outcome]}>{t(`discipline.outcome.${d.outcome}`)}</Tag>
                      {t('discipline.records.decisionLine', {
                        outcome: t(`discipline.outcome.${d.outcome}`),
                        date: d.decidedOn,
                        no: d.documentNo,
                      })}
                    </Typography.Text>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('discipline.tab.cases')} data-testid="cadre-discipline-cases">
        {cases.isPending ? (
          <Skeleton active />
        ) : (cases.data?.items ?? []).length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={cases.data?.items}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  {officer ? <Link to={`/discipline/tolerance/${c.id}`}>{c.appliedOn}</Link> : c.appliedOn}
                  {t(`discipline.appliedBy.${c.appliedBy}`)}
                  {c.outcome ? (
                    <Tag color={OUTCOME_COLOR[c.outcome]}>
                      {t(`discipline.outcome.${c.outcome}`)} {c.decidedOn}
                    </Tag>
                  ) : (
                    <Tag color="processing">{t('discipline.tolerance.open')}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('discipline.tab.clarifications')} data-testid="cadre-discipline-reports">
        {reports.isPending ? (
          <Skeleton active />
        ) : (reports.data?.items ?? []).length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={reports.data?.items}
            renderItem={(k) => (
              <List.Item>
                <Space wrap>
                  {officer ? (
                    <Link to={`/discipline/clarifications/${k.id}`}>{k.receivedOn}</Link>
                  ) : (
                    k.receivedOn
                  )}
                  {k.conclusion ? (
                    <Tag color={CONCLUSION_COLOR[k.conclusion]}>
                      {t(`discipline.conclusion.${k.conclusion}`)}
                    </Tag>
                  ) : null}
                  {k.concludedOn} {k.documentNo}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}

/** 从严管理 on the cadre's record page: their records with tolerance decisions, cases, concluded reports. */
export function CadreDisciplineTab({ cadreId }: { cadreId: string }) {
  return useModuleTexts(disciplineModule) ? <Body cadreId={cadreId} /> : <Skeleton active />;
}
