import {
  LeaveCadreYearSchema,
  LeaveListSchema,
  LeaveRecordSchema,
  OkSchema,
  type LeaveRecordCreate,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** 休假: the unit's list, one cadre's year, my year (one key family, invalidated together). */
export const leaveKeys = {
  all: ['care-leave'] as const,
  list: (p: LeaveListParams) => [...leaveKeys.all, 'list', p] as const,
  cadre: (cadreId: string, year: number) => [...leaveKeys.all, 'cadre', cadreId, year] as const,
  mine: (year: number) => [...leaveKeys.all, 'mine', year] as const,
};

export interface LeaveListParams {
  year: number;
  q?: string;
  page: number;
  pageSize: number;
}

export function useLeaveList(p: LeaveListParams) {
  return useQuery({
    queryKey: leaveKeys.list(p),
    queryFn: () => api.get(LeaveListSchema, '/api/care/leave', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useCadreLeave(cadreId: string | null, year: number) {
  return useQuery({
    queryKey: leaveKeys.cadre(cadreId ?? '', year),
    queryFn: () =>
      api.get(LeaveCadreYearSchema, `/api/care/leave/cadres/${encodeURIComponent(cadreId ?? '')}`, { year }),
    enabled: cadreId !== null,
  });
}

export function useMyLeave(year: number) {
  return useQuery({
    queryKey: leaveKeys.mine(year),
    queryFn: () => api.get(LeaveCadreYearSchema, '/api/care/leave/mine', { year }),
  });
}

function useLeaveMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: leaveKeys.all }) });
}

export const useRecordLeave = () =>
  useLeaveMutation((input: LeaveRecordCreate) =>
    api.post(LeaveRecordSchema, '/api/care/leave/records', input),
  );

export const useDeleteLeave = () =>
  useLeaveMutation((id: string) => api.delete(OkSchema, `/api/care/leave/records/${encodeURIComponent(id)}`));
