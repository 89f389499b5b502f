import type { CadreListQuery } from '../contracts/cadres.ts';

/**
 * Display bands of the dashboards (R-RPT-1): how the age distribution is cut for a chart. Not policy (no
 * pack sets them and no rule depends on them); each band is a roster filter (`ageMin`/`ageMax` of GET
 * /api/cadres), so a band's figure and "在名册中查看" select the same people.
 */
export interface AgeBand {
  id: string;
  label: string;
  ageMin?: number;
  ageMax?: number;
}

export const DASHBOARD_AGE_BANDS: readonly AgeBand[] = [
  { id: 'under35', label: '35岁以下', ageMax: 34 },
  { id: '35-44', label: '35–44岁', ageMin: 35, ageMax: 44 },
  { id: '45-54', label: '45–54岁', ageMin: 45, ageMax: 54 },
  { id: '55plus', label: '55岁及以上', ageMin: 55 },
];

/** The roster's filter of a band (the keys of GET /api/cadres). */
export function ageBandFilter(band: AgeBand): Pick<CadreListQuery, 'ageMin' | 'ageMax'> {
  return {
    ...(band.ageMin === undefined ? {} : { ageMin: band.ageMin }),
    ...(band.ageMax === undefined ? {} : { ageMax: band.ageMax }),
  };
}

export const DASHBOARD_GENDER_LABELS = { male: '男', female: '女' } as const;

/** Cases counted by the dashboard: still open within their step's deadline, overdue, or closed. */
export const DASHBOARD_CASE_SERIES = [
  { id: 'open', name: '办理中' },
  { id: 'overdue', name: '已超期' },
  { id: 'done', name: '已办结' },
] as const;
export type DashboardCaseSeries = (typeof DASHBOARD_CASE_SERIES)[number]['id'];

/** Money shown in yuan from integer fen (exact to the cent in a double at these sizes). */
export const fenToYuan = (fen: number): number => fen / 100;
