import { can } from '@ganbu/core';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useResultsOf,
  useRounds,
  type RoundResults,
  type TargetResult,
} from '../../../hooks/api/assessment.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { unitNames } from '../labels.ts';
import { ExplanationDrawer } from '../round/ExplanationDrawer.tsx';
import { AppealButton } from './AppealButton.tsx';
import { useMyAppeals } from './appeals.ts';

/**
 * 我的考核结果: the published rounds in which the signed-in cadre is a target, with their total, rank,
 * grade and the explanation. Row-level security returns the cadre's own rows and also every published
 * unit result (万人双评议 ranks are public to the district); only the targets that are this cadre are hers —
 * a unit's result goes to the unit's pages, never here as if it were her own.
 */
export function MyResultsPage() {
  const { t } = useTranslation();
  const rounds = useRounds();
  const orgs = useOrgs();
  const published = useMemo(() => (rounds.data ?? []).filter((r) => r.state === 'published'), [rounds.data]);
  const results = useResultsOf(published.map((r) => r.id));
  const [explaining, setExplaining] = useState<{ results: RoundResults; target: TargetResult } | null>(null);
  const names = useMemo(() => unitNames(orgs.data), [orgs.data]);
  // 考核等次申诉: only a cadre's own results can be appealed (an officer reading this page sees no button)
  const me = useCurrentMe();
  const mayAppeal = can(me.roles, 'assessment.appeal') && !!me.cadreId;
  const appeals = useMyAppeals(mayAppeal);

  const mine = results.flatMap((q, i) => {
    const round = published[i];
    if (!q.data || !round) return [];
    return q.data.targets
      .filter((target) => me.cadreId !== null && target.cadreId === me.cadreId)
      .map((target) => ({ round, results: q.data, target }));
  });
  const pending = rounds.isPending || results.some((q) => q.isPending);
  const failed = rounds.error ?? results.find((q) => q.isError)?.error;

  return (
    <PageContainer title={t('assessment.mine.title')}>
      <Typography.Paragraph type="secondary">{t('assessment.mine.intro')}</Typography.Paragraph>
      {failed ? <QueryError error={failed} onRetry={() => void rounds.refetch()} /> : null}
      {pending ? (
        <Skeleton active />
      ) : mine.length === 0 ? (
        <Card>
          <Empty description={t('assessment.mine.empty')} data-testid="mine-empty" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {mine.map(({ round, results: res, target }) => (
            <Col key={`${round.id}:${target.id}`} xs={24} lg={12}>
              <Card
                title={round.name}
                extra={
                  <Tag>
                    {t('assessment.rounds.periodRange', { start: round.periodStart, end: round.periodEnd })}
                  </Tag>
                }
                data-testid={`mine-${target.id}`}
              >
                <Flex vertical gap={12}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'scheme', label: t('assessment.rounds.scheme'), children: round.schemeName },
                      {
                        key: 'total',
                        label: t('assessment.mine.total'),
                        children: (
                          <Typography.Text
                            strong={!target.totalWithheld}
                            type={target.totalWithheld ? 'secondary' : undefined}
                            data-testid={`mine-total-${target.id}`}
                          >
                            {target.total?.value ??
                              (target.totalWithheld ? t('assessment.results.totalWithheld') : '—')}
                          </Typography.Text>
                        ),
                      },
                      {
                        key: 'rank',
                        label: t('assessment.mine.rank'),
                        children: target.rank
                          ? t('assessment.explain.rankLine', {
                              rank: target.rank.population,
                              of: target.rank.of,
                              unit: target.rank.unit,
                              ofUnit: target.rank.ofUnit,
                            })
                          : target.totalWithheld
                            ? t('assessment.explain.unrankedWithheld')
                            : t('assessment.explain.unranked'),
                      },
                      {
                        key: 'grade',
                        label: t('assessment.mine.grade'),
                        children: (
                          <Tag color="blue" data-testid={`mine-grade-${target.id}`}>
                            {target.finalGradeName ?? '—'}
                          </Tag>
                        ),
                      },
                    ]}
                  />
                  <Button
                    onClick={() => setExplaining({ results: res, target })}
                    data-testid={`mine-explain-${target.id}`}
                  >
                    {t('assessment.mine.explain')}
                  </Button>
                  {mayAppeal && appeals.data?.appealableTargetIds.includes(target.id) ? (
                    <AppealButton
                      roundId={round.id}
                      targetId={target.id}
                      appeals={(appeals.data?.items ?? []).filter((a) => a.targetId === target.id)}
                    />
                  ) : null}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {explaining ? (
        <ExplanationDrawer
          results={explaining.results}
          target={explaining.target}
          unitNames={names}
          onClose={() => setExplaining(null)}
        />
      ) : null}
    </PageContainer>
  );
}

export default MyResultsPage;
