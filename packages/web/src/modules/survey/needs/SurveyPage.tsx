import type { SurveyBandResult, SurveyResults } from '@ganbu/core';
import { can } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCloseSurvey, useRevokeCode, useSurvey, useSurveyResults } from './api.ts';
import { SurveyStateTag } from './SurveysPage.tsx';
import './survey-results.css';

/** One band's shares as plain CSS bars (no chart library here), the recommended kinds highlighted. */
function ShareBars({ band }: { band: SurveyBandResult }) {
  const top = new Set((band.recommended ?? []).map((k) => k.id));
  return (
    <div className="survey-bars">
      {(band.kinds ?? []).map((k) => (
        <div className="survey-bar-row" key={k.id}>
          <span className="survey-bar-label">{k.name}</span>
          <span className="survey-bar-track">
            <span
              className={`survey-bar-fill${top.has(k.id) ? ' survey-bar-top' : ''}`}
              style={{ width: `${k.share}%` }}
            />
          </span>
          <span className="survey-bar-value">{k.share.toFixed(1)}%</span>
        </div>
      ))}
    </div>
  );
}

function SuppressedTag({ band, min }: { band: SurveyBandResult; min: number }) {
  const { t } = useTranslation();
  if (!band.suppressed) return null;
  return (
    <Tag color="default" data-testid={`survey-suppressed-${band.id}`} title={band.explanation}>
      {band.suppressed === 'small'
        ? t('survey.needs.results.small', { min })
        : t('survey.needs.results.complementary')}
    </Tag>
  );
}

function BreakdownTables({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SurveyBandResult> = [
    { title: t('survey.needs.results.band'), dataIndex: 'name', width: 130 },
    { title: t('survey.needs.results.expected'), dataIndex: 'expected', width: 90 },
    {
      title: t('survey.needs.results.answers'),
      key: 'answers',
      width: 150,
      render: (_: unknown, b) =>
        b.suppressed ? (
          <SuppressedTag band={b} min={r.minGroupSize} />
        ) : (
          <span>
            {b.answers}
            {b.responseRate !== null ? (
              <Typography.Text type="secondary">
                {' '}
                {t('survey.needs.results.rate', { rate: b.responseRate.toFixed(1) })}
              </Typography.Text>
            ) : null}
          </span>
        ),
    },
    {
      title: t('survey.needs.results.shares'),
      key: 'shares',
      width: 320,
      render: (_: unknown, b) => (b.suppressed ? t('common.empty') : <ShareBars band={b} />),
    },
    {
      title: t('survey.needs.results.mix'),
      key: 'mix',
      render: (_: unknown, b) =>
        b.suppressed ? (
          <Typography.Text type="secondary">{b.explanation}</Typography.Text>
        ) : (
          <Typography.Text data-testid={`survey-mix-${b.id}`}>{b.explanation}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      {r.breakdowns.map((bd) => (
        <Card
          key={bd.id}
          size="small"
          title={t(`survey.needs.results.by.${bd.id}`)}
          style={{ marginBottom: 16 }}
          data-testid={`survey-breakdown-${bd.id}`}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {bd.explanation}
          </Typography.Paragraph>
          <Table<SurveyBandResult>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={bd.bands}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      ))}
    </>
  );
}

function OvertimeTable({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  if (!r.overtime) return null;
  const ot = r.overtime;
  const rows = [
    { key: 'total', label: t('survey.needs.results.all'), band: r.total },
    ...r.breakdowns.flatMap((bd) =>
      bd.bands.map((b) => ({
        key: `${bd.id}.${b.id}`,
        label: `${t(`survey.needs.results.by.${bd.id}`)}·${b.name}`,
        band: b,
      })),
    ),
  ];
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: t('survey.needs.results.band'), dataIndex: 'label', width: 200, fixed: 'left' },
    ...ot.buckets.map((label, i) => ({
      title: label,
      key: `b${i}`,
      width: 80,
      render: (_: unknown, row: (typeof rows)[number]) =>
        row.band.overtime ? (
          row.band.overtime.counts[i]
        ) : i === 0 ? (
          <SuppressedTag band={row.band} min={r.minGroupSize} />
        ) : (
          ''
        ),
    })),
    {
      title: t('survey.needs.results.mean'),
      key: 'mean',
      width: 90,
      render: (_: unknown, row) => (row.band.overtime ? row.band.overtime.mean.toFixed(1) : ''),
    },
    {
      title: t('survey.needs.results.max'),
      key: 'max',
      width: 80,
      render: (_: unknown, row) => (row.band.overtime ? row.band.overtime.max : ''),
    },
  ];
  return (
    <Card
      size="small"
      title={t('survey.needs.results.overtime', { months: ot.months })}
      style={{ marginBottom: 16 }}
      data-testid="survey-overtime"
    >
      <Table
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

/**
 * One needs survey: its scope, days, codes and answers (counts); while open, revoke a code or close it; once
 * closed, the results by rank, post and education with small groups suppressed, the recommended mix per
 * group, and the overtime distribution.
 */
export default function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'survey.manage');
  const { message } = App.useApp();
  const survey = useSurvey(id);
  const s = survey.data;
  const results = useSurveyResults(id, s?.state === 'closed');
  const close = useCloseSurvey();
  const revoke = useRevokeCode();
  const r = results.data;

  return (
    <PageContainer
      title={s ? s.title : t('survey.needs.title')}
      extra={<Link to="/surveys">{t('common.back')}</Link>}
    >
      {survey.isError ? <QueryError error={survey.error} onRetry={() => void survey.refetch()} /> : null}
      {s ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('survey.needs.org')}>{s.orgName}</Descriptions.Item>
            <Descriptions.Item
              label={t('survey.needs.period')}
            >{`${s.opensOn} ~ ${s.closesOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <SurveyStateTag survey={s} />
            </Descriptions.Item>
            <Descriptions.Item label={t('survey.needs.pack')}>{s.packName}</Descriptions.Item>
            <Descriptions.Item label={t('survey.needs.codes')}>
              {t('survey.needs.codeCounts', s.codes)}
            </Descriptions.Item>
            <Descriptions.Item label={t('survey.needs.answers')}>
              <span data-testid="survey-answer-count">
                {t('survey.needs.answerCount', { answers: s.answers, population: s.population })}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {canManage && s.state === 'open' ? (
            <Flex gap={12} wrap style={{ marginTop: 12 }}>
              <Input.Search
                placeholder={t('survey.needs.revokePlaceholder')}
                enterButton={t('survey.needs.revoke')}
                style={{ maxWidth: 380 }}
                loading={revoke.isPending}
                onSearch={(code) =>
                  code.trim() &&
                  revoke.mutate(
                    { id: s.id, code: code.trim() },
                    { onSuccess: () => void message.success(t('survey.needs.revoked')) },
                  )
                }
                data-testid="survey-revoke"
              />
              <Popconfirm
                title={t('survey.needs.closeConfirm')}
                onConfirm={() =>
                  close.mutate(s.id, { onSuccess: () => void message.success(t('survey.needs.closed')) })
                }
              >
                <Button danger data-testid="survey-close">
                  {t('survey.needs.close')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
        </Card>
      ) : null}
      {s?.state === 'open' ? (
        <Alert type="info" showIcon title={t('survey.needs.resultsAfterClose')} />
      ) : null}
      {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {r ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="survey-total">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>{r.total.explanation}</Typography.Text>
              <Typography.Text type="secondary">{r.explanation}</Typography.Text>
              {r.total.suppressed ? null : <ShareBars band={r.total} />}
            </Space>
          </Card>
          <BreakdownTables r={r} />
          <OvertimeTable r={r} />
        </>
      ) : null}
    </PageContainer>
  );
}
