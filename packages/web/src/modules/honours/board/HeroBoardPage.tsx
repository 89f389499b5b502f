import { PrinterOutlined } from '@ant-design/icons';
import type { HonourBoardEntry } from '@ganbu/core';
import { Button, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useHonourBoard } from '../api.ts';
import './board.css';

/** Tag colours by the kind's rank on the board: the higher honours stand out. */
function kindColor(rank: number): string {
  if (rank >= 5) return 'red';
  if (rank >= 4) return 'volcano';
  if (rank >= 3) return 'gold';
  if (rank >= 2) return 'orange';
  return 'blue';
}

function HeroCard({ item }: { item: HonourBoardEntry }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  return (
    <div className="hero-card" data-testid={`hero-card-${item.id}`}>
      {item.photoUrl && !broken ? (
        <img
          className="hero-card-photo"
          src={item.photoUrl}
          alt={t('honours.board.photoAlt', { name: item.cadreName })}
          onError={() => setBroken(true)}
        />
      ) : (
        <div className="hero-card-avatar" aria-hidden>
          {item.cadreName.slice(0, 1)}
        </div>
      )}
      <div className="hero-card-body">
        <Flex gap={8} align="center" wrap>
          <span className="hero-card-name" data-testid="hero-card-name">
            {item.cadreName}
          </span>
          <Tag color={kindColor(item.kindRank)} data-testid="hero-card-kind">
            {item.kindName}
          </Tag>
        </Flex>
        <Typography.Text type="secondary">
          {item.unitName}
          {item.postTitle ? ` · ${item.postTitle}` : ''}
        </Typography.Text>
        <div className="hero-card-deeds" data-testid="hero-card-deeds">
          {item.deeds.trim() || t('honours.board.noDeeds')}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
          {t('honours.board.decision', { batch: item.batchName, date: item.decidedOn })}
          {item.documentNumber ? ` · ${t('honours.board.documentNo', { no: item.documentNumber })}` : ''}
        </Typography.Text>
      </div>
    </div>
  );
}

/**
 * 英雄榜: the year's honoured cadres (decided batches only) as cards with photo or avatar, unit, kind and
 * deeds, the highest honour first; every business role of the district sees it; prints without the app frame.
 */
export default function HeroBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = chinaDay().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const board = useHonourBoard(year);
  const items = board.data?.items ?? [];

  return (
    <PageContainer
      title={t('honours.board.heading', { year })}
      extra={
        <Flex gap={8} className="hero-board-noprint">
          <Select<number>
            value={year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: thisYear - i,
              label: t('honours.board.yearOption', { year: thisYear - i }),
            }))}
            style={{ width: 110 }}
            aria-label={t('honours.board.year')}
            data-testid="hero-board-year"
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="hero-board-print">
            {t('honours.board.print')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="hero-board-noprint">
        {t('honours.board.intro')}
      </Typography.Paragraph>
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && !board.isError ? (
        <Empty description={t('honours.board.empty', { year })} data-testid="hero-board-empty" />
      ) : (
        <>
          <Typography.Paragraph data-testid="hero-board-count">
            {t('honours.board.count', { count: items.length })}
          </Typography.Paragraph>
          <div className="hero-board-grid" data-testid="hero-board">
            {items.map((item) => (
              <HeroCard key={item.id} item={item} />
            ))}
          </div>
          <Typography.Paragraph type="secondary" className="hero-board-print-title">
            {t('honours.board.printedAt', { date: chinaDay().format('YYYY-MM-DD') })}
          </Typography.Paragraph>
        </>
      )}
    </PageContainer>
  );
}
