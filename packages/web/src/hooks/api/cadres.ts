import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from '../../lib/http.ts';

/** A row of the roster (GET /api/cadres); not yet a core contract. */
export interface CadreRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  orgId: string;
  orgName: string;
  postTitle: string;
}

export interface CadreListParams {
  q?: string;
  page: number;
  pageSize: number;
}

export const cadreKeys = {
  all: ['cadres'] as const,
  lists: () => [...cadreKeys.all, 'list'] as const,
  list: (params: CadreListParams) => [...cadreKeys.lists(), params] as const,
};

export function useCadres(params: CadreListParams) {
  return useQuery({
    queryKey: cadreKeys.list(params),
    queryFn: () => http.get<{ items: CadreRow[]; total: number }>('/api/cadres', { ...params }),
    placeholderData: keepPreviousData,
  });
}
