import {
  CadreCreatedSchema,
  CadreDetailSchema,
  CadreListSchema,
  OkSchema,
  type CadreListQuery,
  type CadreRecordInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../lib/http.ts';

/** Roster filters: the list query without sorting and paging (flags as booleans). */
export type CadreFilters = Omit<CadreListQuery, 'sort' | 'order' | 'page' | 'pageSize'>;

export const cadreKeys = {
  all: ['cadres'] as const,
  lists: () => [...cadreKeys.all, 'list'] as const,
  list: (query: CadreListQuery) => [...cadreKeys.lists(), query] as const,
  details: () => [...cadreKeys.all, 'detail'] as const,
  detailsOf: (id: string) => [...cadreKeys.details(), id] as const,
  detail: (id: string, reveal: boolean) => [...cadreKeys.detailsOf(id), { reveal }] as const,
};

/** 干部名册: one page of the filtered, sorted roster. */
export function useCadres(query: CadreListQuery) {
  return useQuery({
    queryKey: cadreKeys.list(query),
    queryFn: () => api.get(CadreListSchema, '/api/cadres', { ...query }),
    placeholderData: keepPreviousData,
  });
}

const fetchCadre = (id: string, reveal: boolean) =>
  api.get(CadreDetailSchema, `/api/cadres/${encodeURIComponent(id)}`, reveal ? { reveal: true } : {});

/**
 * One record. With `reveal` the server answers in clear and audits the read. Such an answer is
 * dropped from the cache as soon as no page shows it, and is not re-read behind the user's back
 * (each read is an audit entry); the next page that needs it reads it again.
 */
export function useCadre(id: string | undefined, reveal: boolean, enabled = true) {
  return useQuery({
    queryKey: cadreKeys.detail(id ?? '', reveal),
    queryFn: () => fetchCadre(id ?? '', reveal),
    enabled: enabled && !!id,
    ...(reveal ? { gcTime: 0, staleTime: Infinity } : {}),
  });
}

/** 查看敏感信息: reads the record in clear (audited) and keeps it for the page that asked. */
export function useRevealCadre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchCadre(id, true),
    onSuccess: (data, id) => qc.setQueryData(cadreKeys.detail(id, true), data),
  });
}

/** Forget the clear values of a record (the page goes back to masked values). */
export function useHideCadre() {
  const qc = useQueryClient();
  return (id: string) => qc.removeQueries({ queryKey: cadreKeys.detail(id, true) });
}

export function useCreateCadre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CadreRecordInput) => api.post(CadreCreatedSchema, '/api/cadres', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: cadreKeys.lists() }),
    // The form shows validation problems on its fields.
    meta: { inlineError: true },
  });
}

export function useUpdateCadre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CadreRecordInput }) =>
      api.put(OkSchema, `/api/cadres/${encodeURIComponent(id)}`, input),
    onSuccess: (_data, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: cadreKeys.lists() }),
        qc.invalidateQueries({ queryKey: cadreKeys.detailsOf(id) }),
      ]),
    meta: { inlineError: true },
  });
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export function useUploadCadrePhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: Blob }) =>
      api.putRaw(OkSchema, `/api/cadres/${encodeURIComponent(id)}/photo`, file, file.type),
    onSuccess: (_data, { id }) => qc.invalidateQueries({ queryKey: cadreKeys.detailsOf(id) }),
  });
}

/** Same-origin photo address; `version` changes after an upload so the browser loads it again. */
export function cadrePhotoUrl(id: string, version = 0): string {
  return `/api/cadres/${encodeURIComponent(id)}/photo${version ? `?v=${version}` : ''}`;
}

/** Download link of the roster as .xlsx with the current filters and order (the session cookie authorizes it). */
export function cadreExportUrl(query: Omit<CadreListQuery, 'page' | 'pageSize'>): string {
  return `/api/cadres/export.xlsx${toQueryString({ ...query })}`;
}
