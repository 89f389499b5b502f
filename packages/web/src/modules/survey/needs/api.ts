import {
  SurveyCodesResultSchema,
  SurveyListSchema,
  SurveyRecommendationSchema,
  SurveyResultsSchema,
  SurveySchema,
  type SurveyCodesInput,
  type SurveyCreate,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** 需求调查: the list, one survey, its results (one key family, invalidated together). */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: () => [...surveyKeys.all, 'list'] as const,
  one: (id: string) => [...surveyKeys.all, 'one', id] as const,
  results: (id: string) => [...surveyKeys.all, 'results', id] as const,
  recommendation: (orgId: string) => [...surveyKeys.all, 'recommendation', orgId] as const,
};

const enc = encodeURIComponent;

export const useSurveys = () =>
  useQuery({ queryKey: surveyKeys.list(), queryFn: () => api.get(SurveyListSchema, '/api/surveys') });

export const useSurvey = (id: string) =>
  useQuery({ queryKey: surveyKeys.one(id), queryFn: () => api.get(SurveySchema, `/api/surveys/${enc(id)}`) });

export const useSurveyResults = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: () => api.get(SurveyResultsSchema, `/api/surveys/${enc(id)}/results`),
    enabled,
  });

/** R-NEED-2: only fetched when `enabled` (the reader holds survey.read). */
export const useSurveyRecommendation = (orgId: string | null | undefined, enabled: boolean) =>
  useQuery({
    queryKey: surveyKeys.recommendation(orgId ?? ''),
    queryFn: () => api.get(SurveyRecommendationSchema, '/api/surveys/recommendation', { orgId: orgId ?? '' }),
    enabled: enabled && !!orgId,
  });

function useSurveyMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: surveyKeys.all }) });
}

export const useCreateSurvey = () =>
  useSurveyMutation((input: SurveyCreate) => api.post(SurveySchema, '/api/surveys', input));

export const useIssueCodes = () =>
  useSurveyMutation(({ id, input }: { id: string; input: SurveyCodesInput }) =>
    api.post(SurveyCodesResultSchema, `/api/surveys/${enc(id)}/codes`, input),
  );

export const useRevokeCode = () =>
  useSurveyMutation(({ id, code }: { id: string; code: string }) =>
    api.post(SurveySchema, `/api/surveys/${enc(id)}/codes/revoke`, { code }),
  );

export const useCloseSurvey = () =>
  useSurveyMutation((id: string) => api.post(SurveySchema, `/api/surveys/${enc(id)}/close`, {}));
