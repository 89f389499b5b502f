import {
  PayStatisticListSchema,
  PayTableImportResultSchema,
  PayTableViewSchema,
  type PayStatistic,
  type PutPayTable,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http } from '../../../lib/http.ts';

/** Query keys of the pay tables page: every mutation invalidates them all. */
export const payTableKeys = {
  all: ['pay', 'tables'] as const,
  year: (year: number) => [...payTableKeys.all, 'year', year] as const,
  statistics: () => [...payTableKeys.all, 'statistics'] as const,
};

export const templateUrl = (year: number) => `/api/pay/tables/template.xlsx?year=${year}`;

export const usePayTable = (year: number) =>
  useQuery({
    queryKey: payTableKeys.year(year),
    queryFn: () => api.get(PayTableViewSchema, '/api/pay/tables', { year }),
  });

export const usePayStatistics = () =>
  useQuery({
    queryKey: payTableKeys.statistics(),
    queryFn: () => api.get(PayStatisticListSchema, '/api/pay/statistics'),
  });

export function useSavePayTable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPayTable) => api.put(PayTableViewSchema, '/api/pay/tables', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: payTableKeys.all }),
  });
}

export function useSavePayStatistic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PayStatistic) => api.put(PayStatisticListSchema, '/api/pay/statistics', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: payTableKeys.all }),
  });
}

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** Excel import into a year (all or nothing; a refusal carries the row-by-row `errors`). */
export function useImportPayTables() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, year }: { file: File; year: number }) =>
      api.postForm(PayTableImportResultSchema, '/api/pay/tables/import', formOf(file), { year }),
    onSuccess: () => qc.invalidateQueries({ queryKey: payTableKeys.all }),
    meta: { inlineError: true },
  });
}

/** The uploaded workbook with its wrong cells marked, as a file to save (nothing imported). */
export function usePayTablesReport() {
  return useMutation({
    mutationFn: (file: File) => http.postFormForBlob('/api/pay/tables/import/report', formOf(file)),
  });
}
