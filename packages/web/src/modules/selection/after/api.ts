import {
  AfterPolicyViewSchema,
  ExchangeBatchResultSchema,
  ExchangeListSchema,
  ExchangeSchema,
  PostReviewListSchema,
  PostReviewSchema,
  UnfitMeasureListSchema,
  UnfitMeasureRecordSchema,
  type ExchangeBatchCreate,
  type ExchangeEnd,
  type PostReviewCreate,
  type PostReviewOutcomeInput,
  type PostReviewStart,
  type UnfitMeasureClose,
  type UnfitMeasureCreate,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** The after-appointment register: reviews, unfit measures, exchanges (one key family, invalidated together). */
export const afterKeys = {
  all: ['selection-after'] as const,
  policy: () => [...afterKeys.all, 'policy'] as const,
  reviews: (p: DueListParams) => [...afterKeys.all, 'reviews', p] as const,
  measures: (p: DueListParams) => [...afterKeys.all, 'measures', p] as const,
  exchanges: (p: ExchangeListParams) => [...afterKeys.all, 'exchanges', p] as const,
};

export interface DueListParams {
  state?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ExchangeListParams {
  batchYear?: number;
  kindId?: string;
  status?: 'active' | 'ended';
  cadreId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useAfterPolicy() {
  return useQuery({
    queryKey: afterKeys.policy(),
    queryFn: () => api.get(AfterPolicyViewSchema, '/api/selection/after/policy'),
  });
}

export function usePostReviews(p: DueListParams) {
  return useQuery({
    queryKey: afterKeys.reviews(p),
    queryFn: () => api.get(PostReviewListSchema, '/api/selection/post-reviews', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useUnfitMeasures(p: DueListParams) {
  return useQuery({
    queryKey: afterKeys.measures(p),
    queryFn: () => api.get(UnfitMeasureListSchema, '/api/selection/unfit-measures', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useExchanges(p: ExchangeListParams, enabled = true) {
  return useQuery({
    queryKey: afterKeys.exchanges(p),
    queryFn: () => api.get(ExchangeListSchema, '/api/selection/exchanges', { ...p }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useAfterMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: afterKeys.all }) });
}

const id = (s: string) => encodeURIComponent(s);

export const useCreatePostReview = () =>
  useAfterMutation((input: PostReviewCreate) =>
    api.post(PostReviewSchema, '/api/selection/post-reviews', input),
  );

export const useStartPostReview = () =>
  useAfterMutation(({ reviewId, input }: { reviewId: string; input: PostReviewStart }) =>
    api.post(PostReviewSchema, `/api/selection/post-reviews/${id(reviewId)}/start`, input),
  );

export const useDecidePostReview = () =>
  useAfterMutation(({ reviewId, input }: { reviewId: string; input: PostReviewOutcomeInput }) =>
    api.post(PostReviewSchema, `/api/selection/post-reviews/${id(reviewId)}/outcome`, input),
  );

export const useCreateMeasure = () =>
  useAfterMutation((input: UnfitMeasureCreate) =>
    api.post(UnfitMeasureRecordSchema, '/api/selection/unfit-measures', input),
  );

export const useCloseMeasure = () =>
  useAfterMutation(({ measureId, input }: { measureId: string; input: UnfitMeasureClose }) =>
    api.post(UnfitMeasureRecordSchema, `/api/selection/unfit-measures/${id(measureId)}/close`, input),
  );

export const useCreateExchangeBatch = () =>
  useAfterMutation((input: ExchangeBatchCreate) =>
    api.post(ExchangeBatchResultSchema, '/api/selection/exchanges', input),
  );

export const useEndExchange = () =>
  useAfterMutation(({ exchangeId, input }: { exchangeId: string; input: ExchangeEnd }) =>
    api.post(ExchangeSchema, `/api/selection/exchanges/${id(exchangeId)}/end`, input),
  );
