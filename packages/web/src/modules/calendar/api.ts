import {
  CalendarOverrideListSchema,
  CalendarYearSchema,
  WorkingDaysSchema,
  type CalendarOverrideInput,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => [...calendarKeys.all, 'year', year] as const,
  overrides: () => [...calendarKeys.all, 'overrides'] as const,
  period: (from: string, n: number) => [...calendarKeys.all, 'period', from, n] as const,
};

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get(CalendarYearSchema, `/api/calendar/year/${year}`),
  });
}

export function useCalendarOverrides() {
  return useQuery({
    queryKey: calendarKeys.overrides(),
    queryFn: async () => (await api.get(CalendarOverrideListSchema, '/api/calendar/overrides')).items,
  });
}

/** The period of n working days from `from` (asked only once both are given). */
export function useWorkingPeriod(query: { from: string; n: number } | null) {
  return useQuery({
    queryKey: calendarKeys.period(query?.from ?? '', query?.n ?? 0),
    queryFn: () => api.get(WorkingDaysSchema, '/api/calendar/working-days', { ...query }),
    enabled: query !== null,
    retry: false,
  });
}

/** Overrides change every year view and every period: a mutation invalidates the whole module. */
function useCalendarMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export const useCreateOverride = () =>
  useCalendarMutation((input: CalendarOverrideInput) =>
    api.post(CalendarOverrideListSchema, '/api/calendar/overrides', input),
  );

export const useDeleteOverride = () =>
  useCalendarMutation((day: string) =>
    api.delete(CalendarOverrideListSchema, `/api/calendar/overrides/${encodeURIComponent(day)}`),
  );
