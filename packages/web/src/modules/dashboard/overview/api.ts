import {
  DASHBOARD_SECTION_IDS,
  DashboardDrillSchemaResponse,
  DashboardSchema,
  type Dashboard,
  type DashboardDrill,
  type DashboardLevel,
  type DashboardSectionId,
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
  one: (p: DashboardParams, part: 'quick' | 'slow') => [...dashboardKeys.all, 'one', part, p] as const,
  drill: (p: DrillParams) => [...dashboardKeys.all, 'drill', p] as const,
};

/**
 * Sections the server computes through a module's whole computation (seconds at 100,000 cadres until their
 * SQL summaries land): asked once the others have answered, so the quick ones paint first.
 */
export const SLOW_SECTIONS: readonly DashboardSectionId[] = ['training', 'care', 'burden'];
const QUICK_SECTIONS = DASHBOARD_SECTION_IDS.filter((id) => !SLOW_SECTIONS.includes(id));

export interface DashboardAnswer {
  /** the dashboard with every section answered so far, in the contract's order */
  data: Dashboard | undefined;
  /** the slow sections are still being counted */
  more: boolean;
  error: unknown;
  isPending: boolean;
  refetch: () => void;
}

/** The dashboard in two requests (`sections=`): the quick sections, then the slow ones. */
export function useDashboard(p: DashboardParams): DashboardAnswer {
  const quick = useQuery({
    queryKey: dashboardKeys.one(p, 'quick'),
    queryFn: () => api.get(DashboardSchema, '/api/dashboard', { ...p, sections: QUICK_SECTIONS.join(',') }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const slow = useQuery({
    queryKey: dashboardKeys.one(p, 'slow'),
    queryFn: () => api.get(DashboardSchema, '/api/dashboard', { ...p, sections: SLOW_SECTIONS.join(',') }),
    enabled: quick.isSuccess && !quick.isPlaceholderData,
    staleTime: 60_000,
  });
  const order = (id: DashboardSectionId) => DASHBOARD_SECTION_IDS.indexOf(id);
  const data = quick.data && {
    ...quick.data,
    sections: [...quick.data.sections, ...(slow.data?.sections ?? [])].sort(
      (a, b) => order(a.id) - order(b.id),
    ),
  };
  return {
    data,
    more: quick.isSuccess && slow.isPending,
    error: quick.error ?? slow.error,
    isPending: quick.isPending,
    refetch: () => {
      void quick.refetch();
      void slow.refetch();
    },
  };
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
