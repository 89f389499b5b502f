import {
  CareCoverageSchema,
  TalkContentSchema,
  TalkLeaderListSchema,
  TalkLeaderSchema,
  TalkListSchema,
  TalkPlanSchema,
  TalkRequestLeaderListSchema,
  TalkRequestListSchema,
  TalkRequestSchema,
  TalkSchema,
  type TalkInput,
  type TalkLeaderInput,
  type TalkLeaderUpdate,
  type TalkRequestInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/http.ts';

/** The talks part's API (谈心谈话与双向约谈): one key root, so a write refreshes every list of the part. */
export const talkKeys = {
  all: ['care-talks'] as const,
  leaders: () => [...talkKeys.all, 'leaders'] as const,
  plan: (p: object) => [...talkKeys.all, 'plan', p] as const,
  coverage: (year: number) => [...talkKeys.all, 'coverage', year] as const,
  talks: (p: object) => [...talkKeys.all, 'talks', p] as const,
  content: (id: string) => [...talkKeys.all, 'content', id] as const,
  requests: () => [...talkKeys.all, 'requests'] as const,
  mine: () => [...talkKeys.all, 'mine'] as const,
  requestable: () => [...talkKeys.all, 'requestable'] as const,
};

export const useTalkLeaders = () =>
  useQuery({
    queryKey: talkKeys.leaders(),
    queryFn: async () => (await api.get(TalkLeaderListSchema, '/api/care/talk-leaders')).items,
  });

export const useTalkPlan = (p: { year: number; open?: boolean; page: number; pageSize: number }) =>
  useQuery({
    queryKey: talkKeys.plan(p),
    queryFn: () =>
      api.get(TalkPlanSchema, '/api/care/talk-plan', { ...p, open: p.open ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });

export const useTalkCoverage = (year: number) =>
  useQuery({
    queryKey: talkKeys.coverage(year),
    queryFn: () => api.get(CareCoverageSchema, '/api/care/coverage', { year, kind: 'talk' }),
  });

export const useTalks = (p: { year: number; page: number; pageSize: number }) =>
  useQuery({
    queryKey: talkKeys.talks(p),
    queryFn: () => api.get(TalkListSchema, '/api/care/talks', p),
    placeholderData: keepPreviousData,
  });

export const useTalkContent = (id: string | null) =>
  useQuery({
    queryKey: talkKeys.content(id ?? ''),
    queryFn: () => api.get(TalkContentSchema, `/api/care/talks/${encodeURIComponent(id ?? '')}/content`),
    enabled: id !== null,
    retry: false,
  });

export const useTalkRequests = () =>
  useQuery({
    queryKey: talkKeys.requests(),
    queryFn: async () => (await api.get(TalkRequestListSchema, '/api/care/talk-requests')).items,
  });

export const useMyTalkRequests = () =>
  useQuery({
    queryKey: talkKeys.mine(),
    queryFn: async () => (await api.get(TalkRequestListSchema, '/api/care/talk-requests/mine')).items,
  });

export const useRequestableLeaders = () =>
  useQuery({
    queryKey: talkKeys.requestable(),
    queryFn: () => api.get(TalkRequestLeaderListSchema, '/api/care/talk-requests/leaders'),
  });

function useTalkMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: talkKeys.all }) });
}

export const useCreateLeader = () =>
  useTalkMutation((input: TalkLeaderInput) => api.post(TalkLeaderSchema, '/api/care/talk-leaders', input));

export const useUpdateLeader = () =>
  useTalkMutation(({ id, input }: { id: string; input: TalkLeaderUpdate }) =>
    api.patch(TalkLeaderSchema, `/api/care/talk-leaders/${encodeURIComponent(id)}`, input),
  );

export const useRecordTalks = () =>
  useTalkMutation((input: TalkInput) =>
    api.post(z.object({ items: z.array(TalkSchema) }), '/api/care/talks', input),
  );

export const useRequestTalk = () =>
  useTalkMutation((input: TalkRequestInput) => api.post(TalkRequestSchema, '/api/care/talk-requests', input));

export const useAnswerRequest = () =>
  useTalkMutation(({ id, answer }: { id: string; answer: string }) =>
    api.post(TalkRequestSchema, `/api/care/talk-requests/${encodeURIComponent(id)}/answer`, { answer }),
  );

export const useWithdrawRequest = () =>
  useTalkMutation((id: string) =>
    api.post(TalkRequestSchema, `/api/care/talk-requests/${encodeURIComponent(id)}/withdraw`),
  );
