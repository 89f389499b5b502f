import type { PayLineDto } from '@ganbu/core';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyPay } from './api.ts';
import { StateTag, Yuan } from './labels.tsx';
import { ExplanationDrawer } from './PayExplanation.tsx';

/**
 * 我的待遇 (a cadre, often on a phone): her own lines of approved or paid runs — the amount large, the
 * scheme and year, and how it was computed. The server returns only the caller's own lines.
 */
export function MyPayPage() {
  const { t } = useTranslation();
  const mine = useMyPay();
  const [open, setOpen] = useState<{ line: PayLineDto; runName: string } | null>(null);
  const items = mine.data?.items ?? [];
  return (
    <PageContainer title={t('pay.mine.title')}>
      <Typography.Paragraph type="secondary">{t('pay.mine.intro')}</Typography.Paragraph>
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('pay.mine.empty')} data-testid="pay-mine-empty" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((l) => (
            <Col key={l.id} xs={24} lg={12}>
              <Card
                size="small"
                title={<span style={{ whiteSpace: 'normal' }}>{l.runName}</span>}
                extra={<StateTag state={l.state} />}
                data-testid={`pay-mine-${l.runId}`}
              >
                <Flex vertical gap={12}>
                  <Flex justify="space-between" align="baseline" wrap gap={8}>
                    <Flex gap={4} wrap>
                      <Tag>{t(`pay.kind.${l.kind}`)}</Tag>
                      <Tag>{t('pay.year', { year: l.period })}</Tag>
                    </Flex>
                    <Yuan fen={l.amountFen} strong size={22} testId={`pay-mine-amount-${l.runId}`} />
                  </Flex>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'unit', label: t('pay.explain.unit'), children: l.unitName },
                      ...(l.baseFen === null
                        ? []
                        : [
                            { key: 'base', label: t('pay.explain.base'), children: <Yuan fen={l.baseFen} /> },
                          ]),
                      {
                        key: 'summary',
                        label: t('pay.explain.summary'),
                        children: <span style={{ wordBreak: 'break-word' }}>{l.explanation.summary}</span>,
                      },
                    ]}
                  />
                  <Button
                    block
                    onClick={() => setOpen({ line: l, runName: l.runName })}
                    data-testid={`pay-mine-explain-${l.runId}`}
                  >
                    {t('pay.mine.explain')}
                  </Button>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <ExplanationDrawer line={open?.line ?? null} runName={open?.runName} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}

export default MyPayPage;
