import { AuditListSchema, AuditVerifySchema, type AuditExportQuerySchema } from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString } from '../../lib/http.ts';

/** The log's filters: the export's query (the list's without paging). */
export type AuditFilters = z.input<typeof AuditExportQuerySchema>;

export interface AuditListParams extends AuditFilters {
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: AuditListParams) => [...auditKeys.lists(), params] as const,
};

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => api.get(AuditListSchema, '/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Verifying the hash chain is an explicit action, so it is a (read-only) mutation, never cached. */
export function useAuditVerify() {
  return useMutation({
    mutationFn: () => api.get(AuditVerifySchema, '/api/audit/verify'),
  });
}

/** Same-origin download link for the filtered log as .xlsx (the session cookie authorizes it). */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export.xlsx${toQueryString({ ...filters })}`;
}
