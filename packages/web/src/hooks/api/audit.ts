import type { AuditEntry } from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { http, toQueryString } from '../../lib/http.ts';

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure';
}

export interface AuditListParams extends AuditFilters {
  page: number;
  pageSize: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: AuditListParams) => [...auditKeys.lists(), params] as const,
};

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => http.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Verifying the hash chain is an explicit action, so it is a (read-only) mutation, never cached. */
export function useAuditVerify() {
  return useMutation({
    mutationFn: () => http.get<AuditVerifyResult>('/api/audit/verify'),
  });
}

/** Same-origin download link for the filtered log as .xlsx (the session cookie authorizes it). */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export.xlsx${toQueryString({ ...filters })}`;
}
