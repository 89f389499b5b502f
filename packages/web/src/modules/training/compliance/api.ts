import { ComplianceReportSchema, HoldingReportSchema } from '@ganbu/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';
import { trainingKeys } from '../programmes/api.ts';

export interface ComplianceParams {
  year: number;
  orgId?: string;
  onlyShort: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** The compliance report: the per-unit summary and one page of cadres. */
export function useCompliance(p: ComplianceParams) {
  return useQuery({
    queryKey: trainingKeys.compliance(p),
    queryFn: () =>
      api.get(ComplianceReportSchema, '/api/training/compliance', { ...p, onlyShort: String(p.onlyShort) }),
    placeholderData: keepPreviousData,
  });
}

/** The organisers' holding plans of the year (programmes held per kind against the pack). */
export function useHolding(year: number) {
  return useQuery({
    queryKey: trainingKeys.holding(year),
    queryFn: () => api.get(HoldingReportSchema, '/api/training/holding', { year }),
  });
}
