import {
  IndicatorBreakdownSchema,
  IndicatorListSchema,
  IndicatorPeopleSchema,
  IndicatorValueSchema,
  type IndicatorPart,
  type IndicatorPreviewBody,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** Query keys of the structure-indicator pages (a saved pack version refreshes them all). */
export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (p: IndicatorScope) => [...indicatorKeys.all, 'list', p] as const,
  breakdown: (id: string, p: IndicatorScope) => [...indicatorKeys.all, 'breakdown', id, p] as const,
  people: (id: string, p: PeopleParams) => [...indicatorKeys.all, 'people', id, p] as const,
};

/** `?orgId=&asOf=`: absent values are the caller's scope root and today (the server decides both). */
export interface IndicatorScope {
  orgId?: string | undefined;
  asOf?: string | undefined;
}

export interface PeopleParams extends IndicatorScope {
  part: IndicatorPart;
  page: number;
  pageSize: number;
}

const enc = encodeURIComponent;

/** 结构指标: every indicator of the district's pack in force on the day, over the unit's subtree. */
export const useIndicators = (p: IndicatorScope, enabled = true) =>
  useQuery({
    queryKey: indicatorKeys.list(p),
    queryFn: () => api.get(IndicatorListSchema, '/api/indicators', { ...p }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** One indicator per child unit of `orgId` (plus the unit's own people), with the chain up for the breadcrumb. */
export const useIndicatorBreakdown = (id: string, p: IndicatorScope) =>
  useQuery({
    queryKey: indicatorKeys.breakdown(id, p),
    queryFn: () => api.get(IndicatorBreakdownSchema, `/api/indicators/${enc(id)}/breakdown`, { ...p }),
    placeholderData: keepPreviousData,
  });

/** The people behind the number: those counted in the numerator, the whole population, or the rest. */
export const useIndicatorPeople = (id: string, p: PeopleParams) =>
  useQuery({
    queryKey: indicatorKeys.people(id, p),
    queryFn: () => api.get(IndicatorPeopleSchema, `/api/indicators/${enc(id)}/people`, { ...p }),
    placeholderData: keepPreviousData,
  });

/** The editor's live preview: an unsaved indicator computed as if it were in the pack; nothing is stored. */
export const usePreviewIndicator = () =>
  useMutation({
    mutationFn: (body: IndicatorPreviewBody) =>
      api.post(IndicatorValueSchema, '/api/indicators/preview', body),
    meta: { inlineError: true },
  });
