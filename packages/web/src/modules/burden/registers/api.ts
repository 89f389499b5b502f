import {
  BurdenEntryListSchema,
  BurdenEntrySchema,
  BurdenImportResultSchema,
  BurdenSummarySchema,
  BurdenTrendSchema,
  OkSchema,
  OvertimeDistributionSchema,
  type BurdenEntryInput,
  type BurdenRegister,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http, toQueryString, type QueryParams } from '../../../lib/http.ts';

/** 减负登记簿: the lists, the summary and the distribution share one key family (a write refreshes them all). */
export const registerKeys = {
  all: ['burden-registers'] as const,
  list: (register: BurdenRegister, p: RegisterListParams) =>
    [...registerKeys.all, 'list', register, p] as const,
  summary: (year: number) => [...registerKeys.all, 'summary', year] as const,
  trend: (year: number) => [...registerKeys.all, 'trend', year] as const,
  overtime: () => [...registerKeys.all, 'overtime'] as const,
};

export interface RegisterListParams {
  year?: number;
  kindId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const enc = encodeURIComponent;

export function useRegister(register: BurdenRegister, p: RegisterListParams) {
  return useQuery({
    queryKey: registerKeys.list(register, p),
    queryFn: () => api.get(BurdenEntryListSchema, `/api/burden/registers/${enc(register)}`, { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useBurdenSummary(year: number) {
  return useQuery({
    queryKey: registerKeys.summary(year),
    queryFn: () => api.get(BurdenSummarySchema, '/api/burden/summary', { year }),
  });
}

export function useBurdenTrend(year: number) {
  return useQuery({
    queryKey: registerKeys.trend(year),
    queryFn: () => api.get(BurdenTrendSchema, '/api/burden/summary/trend', { year, years: 3 }),
  });
}

export function useOvertimeDistribution() {
  return useQuery({
    queryKey: registerKeys.overtime(),
    queryFn: () => api.get(OvertimeDistributionSchema, '/api/burden/overtime/distribution'),
  });
}

function useRegisterMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: registerKeys.all }) });
}

export const useSaveEntry = () =>
  useRegisterMutation(({ id, input }: { id: string | null; input: BurdenEntryInput }) =>
    id
      ? api.put(BurdenEntrySchema, `/api/burden/registers/${enc(input.register)}/${enc(id)}`, input)
      : api.post(BurdenEntrySchema, `/api/burden/registers/${enc(input.register)}`, input),
  );

export const useDeleteEntry = () =>
  useRegisterMutation(({ register, id }: { register: BurdenRegister; id: string }) =>
    api.delete(OkSchema, `/api/burden/registers/${enc(register)}/${enc(id)}`),
  );

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

export const useImportRegister = () =>
  useRegisterMutation(({ register, file }: { register: BurdenRegister; file: File }) =>
    api.postForm(BurdenImportResultSchema, `/api/burden/registers/${enc(register)}/import`, formOf(file)),
  );

export function useRegisterReport() {
  return useMutation({
    mutationFn: ({ register, file }: { register: BurdenRegister; file: File }) =>
      http.postFormForBlob(`/api/burden/registers/${enc(register)}/import/report`, formOf(file)),
  });
}

export const templateUrl = (register: BurdenRegister) =>
  `/api/burden/registers/${enc(register)}/template.xlsx`;
export const exportUrl = (register: BurdenRegister, p: QueryParams) =>
  `/api/burden/registers/${enc(register)}/export.xlsx${toQueryString(p)}`;
