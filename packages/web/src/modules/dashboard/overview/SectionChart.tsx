import type { DashboardDrill, DashboardSection } from '@ganbu/core';
import { useEffect, useMemo, useRef } from 'react';
import { drillOfClick, type ChartTexts, sectionChart } from './chart-option.ts';
import { echarts } from './echarts.ts';

/** The performance mark set when a section's chart has first been drawn (the first-paint bench reads them). */
export const RENDERED_MARK = 'dashboard-chart-rendered';
const MAX_VISIBLE_HEIGHT = 400;

/**
 * One section's chart on a canvas. A click on a bar, a slice or a point drills into the figure under it. Once
 * drawn, the box carries `data-rendered` and the page gets a performance mark (`dashboard-chart-rendered:<id>`).
 */
export default function SectionChart({
  section,
  texts,
  onDrill,
}: {
  section: DashboardSection;
  texts: ChartTexts;
  onDrill: (drill: DashboardDrill, rowIndex: number, seriesIndex: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const built = useMemo(() => sectionChart(section, texts), [section, texts]);
  const onDrillRef = useRef(onDrill);
  onDrillRef.current = onDrill;
  const sectionRef = useRef(section);
  sectionRef.current = section;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const s = sectionRef.current;
      const drill = drillOfClick(s, p.seriesIndex ?? 0, p.dataIndex);
      if (drill) onDrillRef.current(drill, p.dataIndex, p.seriesIndex ?? 0);
    });
    instance.on('finished', () => {
      if (el.dataset.rendered) return;
      el.dataset.rendered = '1';
      performance.mark(`${RENDERED_MARK}:${sectionRef.current.id}`);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (built) chart.current?.setOption(built.option, { notMerge: true });
  }, [built]);

  // a long list of units scrolls inside the card (the cards of a row keep about the same height)
  return (
    <div style={{ maxHeight: MAX_VISIBLE_HEIGHT, overflowY: 'auto' }}>
      <div
        ref={box}
        style={{ width: '100%', height: built?.height ?? 0 }}
        data-testid={`dash-chart-${section.id}`}
      />
    </div>
  );
}
