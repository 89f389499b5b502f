import {
  DashboardDrillSchemaResponse,
  DashboardSchema,
  type DashboardDrill,
  type DashboardLevel,
} from '@ganbu/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, http, toQueryString } from '../../../lib/http.ts';
import { saveBlob } from '../../../lib/save-blob.ts';

/** Which dashboard: unset values are the server's defaults (the reader's top unit, this year, the role's level). */
export interface DashboardParams {
  level?: DashboardLevel;
  orgId?: string;
  year?: number;
}

export interface DrillParams extends DashboardParams, DashboardDrill {
  page: number;
  pageSize: number;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (p: DashboardParams) => [...dashboardKeys.all, 'one', p] as const,
  drill: (p: DrillParams) => [...dashboardKeys.all, 'drill', p] as const,
};

export function useDashboard(p: DashboardParams) {
  return useQuery({
    queryKey: dashboardKeys.one(p),
    queryFn: () => api.get(DashboardSchema, '/api/dashboard', { ...p }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useDrill(p: DrillParams | null) {
  return useQuery({
    queryKey: dashboardKeys.drill(
      p ?? { section: 'headcount', key: '-', page: 1, pageSize: 1 }, // disabled below
    ),
    queryFn: () => api.get(DashboardDrillSchemaResponse, '/api/dashboard/drill', { ...p }),
    enabled: p !== null,
    placeholderData: keepPreviousData,
  });
}

/** Filenames keep to what every system accepts. */
const fileName = (s: string) => `${s.replace(/[\\/:*?"<>|]+/g, '-')}.xlsx`;

/** The table behind one section's chart, as the server writes it (Chinese headers). */
export async function downloadSection(p: DashboardParams, section: string, title: string): Promise<void> {
  const q = toQueryString({ ...p, section });
  saveBlob(await http.getBlob(`/api/dashboard/export${q}`), fileName(title));
}

/** The whole list behind one figure (not only the page shown). */
export async function downloadDrill(p: DashboardParams & DashboardDrill, title: string): Promise<void> {
  const q = toQueryString({ ...p });
  saveBlob(await http.getBlob(`/api/dashboard/drill/export${q}`), fileName(title));
}
