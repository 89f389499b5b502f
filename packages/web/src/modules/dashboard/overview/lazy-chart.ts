import { lazy } from 'react';

/**
 * ECharts (about 190 KB gzipped) in a chunk of its own, asked for as soon as the dashboard page's code runs:
 * it downloads while GET /api/dashboard is answered instead of before the request starts.
 */
const chart = import('./SectionChart.tsx');
export const SectionChart = lazy(() => chart);
