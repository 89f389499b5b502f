import { DownloadOutlined } from '@ant-design/icons';
import type { DashboardDrill, DashboardRow, DashboardSection } from '@ganbu/core';
import { App, Button, Card, Segmented, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import { downloadSection, type DashboardParams } from './api.ts';
import { CHART_HEIGHT, chartKind, drillOf } from './chart-option.ts';
import { chartTexts, formatFigure } from './figures.ts';
import { SectionChart } from './lazy-chart.ts';

/** A figure the reader clicked: what to drill into, and the row and figure as shown. */
export interface DrillTarget {
  drill: DashboardDrill;
  row: DashboardRow;
  /** the drawer's heading: the section, the row and, for one bar of several, its series (年龄分布 · 35岁以下) */
  heading: string;
  /** the figure shown where the reader clicked (null: the row as a whole) */
  figure: number | null;
  unit: DashboardSection['unit'];
}

type View = 'chart' | 'table';

/**
 * One section: its chart (or, one click away, the table behind it: rows × series and the target), what it
 * counts and from where, its Excel export and the server time of its query. Every figure drills down.
 */
export function SectionCard({
  section,
  params,
  filePrefix,
  onDrill,
}: {
  section: DashboardSection;
  params: DashboardParams;
  /** the unit and year the file names start with (清源区2026年) */
  filePrefix: string;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const p = 'dashboard.overview';
  const tableOnly = chartKind(section) === 'table';
  const [view, setView] = useState<View>(tableOnly ? 'table' : 'chart');
  const [exporting, setExporting] = useState(false);
  const texts = useMemo(() => chartTexts(t, section.unit, i18n.language), [t, section.unit, i18n.language]);
  const title = t(`${p}.sections.${section.id}`);

  const drillAt = (rowIndex: number, seriesIndex: number | null) => {
    const row = section.rows[rowIndex];
    const drill = drillOf(section, rowIndex, seriesIndex);
    if (!row || !drill) return;
    const series = drill.series ? section.series.find((s) => s.id === drill.series)?.name : undefined;
    onDrill({
      drill,
      row,
      heading: [title, row.label, series].filter(Boolean).join(' · '),
      figure: seriesIndex === null ? null : (row.values[seriesIndex] ?? null),
      unit: section.unit,
    });
  };

  const exportIt = async () => {
    setExporting(true);
    try {
      await downloadSection(params, section.id, `${filePrefix}${title}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      title={title}
      data-testid={`dash-section-${section.id}`}
      data-has-chart={tableOnly ? undefined : '1'}
      extra={
        <>
          {tableOnly ? null : (
            <Segmented<View>
              size="small"
              value={view}
              onChange={setView}
              options={[
                { value: 'chart', label: t(`${p}.view.chart`) },
                {
                  value: 'table',
                  label: <span data-testid={`dash-table-${section.id}`}>{t(`${p}.view.table`)}</span>,
                },
              ]}
            />
          )}
          <Tooltip title={t(`${p}.export`)}>
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              aria-label={t(`${p}.export`)}
              loading={exporting}
              onClick={() => void exportIt()}
              data-testid={`dash-export-${section.id}`}
              style={{ marginLeft: 4 }}
            />
          </Tooltip>
        </>
      }
      styles={{ body: { paddingTop: 8 } }}
    >
      {view === 'chart' && !tableOnly ? (
        <Suspense fallback={<div style={{ height: CHART_HEIGHT }} />}>
          <SectionChart
            section={section}
            texts={texts}
            onDrill={(_, rowIndex, seriesIndex) => drillAt(rowIndex, seriesIndex)}
          />
        </Suspense>
      ) : (
        <SectionTable section={section} onFigure={drillAt} />
      )}
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, margin: '8px 0 0' }}
        ellipsis={{ rows: 2, expandable: 'collapsible' }}
        data-testid={`dash-explanation-${section.id}`}
      >
        {section.explanation}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {t(`${p}.queryMs`, { ms: Math.round(section.queryMs) })}
      </Typography.Text>
    </Card>
  );
}

/** The table behind the chart: one row per row, one column per series, the target; figures drill down. */
function SectionTable({
  section,
  onFigure,
}: {
  section: DashboardSection;
  onFigure: (rowIndex: number, seriesIndex: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const p = 'dashboard.overview';
  const unitName = t(`${p}.unitName.${section.unit}`);
  const show = (v: number | null) =>
    v === null ? t(`${p}.notApplicable`) : formatFigure(v, section.unit, i18n.language);
  const withTarget = section.rows.some((r) => r.target !== null);
  const columns: TableColumnsType<DashboardRow & { index: number }> = [
    { title: t(`${p}.item`), dataIndex: 'label', ellipsis: true, fixed: 'left', width: 140 },
    ...section.series.map((s, si) => ({
      title: `${s.name}（${unitName}）`,
      key: s.id,
      align: 'right' as const,
      render: (_: unknown, r: DashboardRow & { index: number }) => {
        const v = r.values[si] ?? null;
        return v !== null && r.drill ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => onFigure(r.index, si)}
            data-testid={`dash-cell-${section.id}-${r.key}-${s.id}`}
          >
            {show(v)}
          </Button>
        ) : (
          show(v)
        );
      },
    })),
    ...(withTarget
      ? [
          {
            title: `${t(`${p}.target`)}（${unitName}）`,
            key: 'target',
            align: 'right' as const,
            render: (_: unknown, r: DashboardRow) => show(r.target),
          },
        ]
      : []),
  ];
  return (
    <Table<DashboardRow & { index: number }>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={section.rows.map((r, index) => ({ ...r, index }))}
      pagination={section.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      data-testid={`dash-rows-${section.id}`}
    />
  );
}
