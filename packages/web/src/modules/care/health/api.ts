import {
  CareOfficerListSchema,
  CareOfficerSchema,
  HealthCheckListSchema,
  HealthCheckMarkResultSchema,
  HealthCheckSchema,
  MyHealthSchema,
  SupportRequestListSchema,
  SupportRequestSchema,
  type CareOfficerCreate,
  type HealthCheckMark,
  type HealthCheckUpdate,
  type SupportRequestCreate,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/http.ts';

/** 体检 and 心理支持: one key family, invalidated together (coverage too: marking changes it). */
export const healthKeys = {
  all: ['care-health'] as const,
  checks: (p: CheckListParams) => [...healthKeys.all, 'checks', p] as const,
  mine: () => [...healthKeys.all, 'mine'] as const,
  officers: (activeOnly: boolean) => [...healthKeys.all, 'officers', activeOnly] as const,
  mySupport: () => [...healthKeys.all, 'support-mine'] as const,
  assigned: () => [...healthKeys.all, 'support-assigned'] as const,
};

export interface CheckListParams {
  year: number;
  orgId?: string;
  state?: 'due' | 'done' | 'follow_up';
  q?: string;
  page: number;
  pageSize: number;
}

export function useHealthChecks(p: CheckListParams) {
  return useQuery({
    queryKey: healthKeys.checks(p),
    queryFn: () => api.get(HealthCheckListSchema, '/api/care/health/checks', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export const useMyHealth = () =>
  useQuery({ queryKey: healthKeys.mine(), queryFn: () => api.get(MyHealthSchema, '/api/care/health/mine') });

/** The officers: all of them for 组织部's list, the active ones for a cadre choosing. */
export const useOfficers = (forCadre: boolean) =>
  useQuery({
    queryKey: healthKeys.officers(forCadre),
    queryFn: () =>
      api.get(CareOfficerListSchema, forCadre ? '/api/care/support/officers' : '/api/care/officers'),
  });

export const useMySupport = () =>
  useQuery({
    queryKey: healthKeys.mySupport(),
    queryFn: () => api.get(SupportRequestListSchema, '/api/care/support/mine'),
  });

export const useAssignedSupport = () =>
  useQuery({
    queryKey: healthKeys.assigned(),
    queryFn: () => api.get(SupportRequestListSchema, '/api/care/support/assigned'),
  });

function useHealthMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: healthKeys.all }),
        qc.invalidateQueries({ queryKey: ['care-coverage'] }),
      ]),
  });
}

const id = (s: string) => encodeURIComponent(s);

export const useMarkChecks = () =>
  useHealthMutation((input: HealthCheckMark) =>
    api.post(HealthCheckMarkResultSchema, '/api/care/health/checks', input),
  );

export const useUpdateCheck = () =>
  useHealthMutation(({ checkId, input }: { checkId: string; input: HealthCheckUpdate }) =>
    api.put(HealthCheckSchema, `/api/care/health/checks/${id(checkId)}`, input),
  );

export const useDeleteCheck = () =>
  useHealthMutation((checkId: string) =>
    api.delete(z.object({ ok: z.literal(true) }), `/api/care/health/checks/${id(checkId)}`),
  );

export const useDesignateOfficer = () =>
  useHealthMutation((input: CareOfficerCreate) => api.post(CareOfficerSchema, '/api/care/officers', input));

export const useDeactivateOfficer = () =>
  useHealthMutation((officerId: string) =>
    api.post(CareOfficerSchema, `/api/care/officers/${id(officerId)}/deactivate`),
  );

export const useFileSupport = () =>
  useHealthMutation((input: SupportRequestCreate) =>
    api.post(SupportRequestSchema, '/api/care/support', input),
  );

export const useAnswerSupport = () =>
  useHealthMutation(({ requestId, answer }: { requestId: string; answer: string }) =>
    api.post(SupportRequestSchema, `/api/care/support/${id(requestId)}/answer`, { answer }),
  );

export const useCloseSupport = () =>
  useHealthMutation((requestId: string) =>
    api.post(SupportRequestSchema, `/api/care/support/${id(requestId)}/close`),
  );
