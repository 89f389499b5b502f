import {
  PairingListSchema,
  PairingNoteListSchema,
  PairingReviewListSchema,
  PairingSchema,
  type PairingReviewInput,
  type PairingCreateInput,
  type PairingNoteInput,
  type PairingUpdateInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';

export interface PairingListParams {
  q?: string;
  current?: boolean;
  page: number;
  pageSize: number;
}

export const pairingKeys = {
  all: ['pairings'] as const,
  lists: () => [...pairingKeys.all, 'list'] as const,
  list: (p: PairingListParams) => [...pairingKeys.lists(), p] as const,
  notes: (id: string) => [...pairingKeys.all, 'notes', id] as const,
  reviews: (id: string) => [...pairingKeys.all, 'reviews', id] as const,
};

const path = (id: string) => `/api/pairings/${encodeURIComponent(id)}`;

export function usePairings(params: PairingListParams) {
  return useQuery({
    queryKey: pairingKeys.list(params),
    queryFn: () => api.get(PairingListSchema, '/api/pairings', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function usePairingNotes(id: string | null) {
  return useQuery({
    queryKey: pairingKeys.notes(id ?? ''),
    queryFn: async () => (await api.get(PairingNoteListSchema, `${path(id ?? '')}/notes`)).items,
    enabled: id !== null,
  });
}

function usePairingMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: pairingKeys.all }) });
}

export const useCreatePairing = () =>
  usePairingMutation((input: PairingCreateInput) => api.post(PairingSchema, '/api/pairings', input));

export const useUpdatePairing = () =>
  usePairingMutation(({ id, input }: { id: string; input: PairingUpdateInput }) =>
    api.patch(PairingSchema, path(id), input),
  );

export const useAddPairingNote = () =>
  usePairingMutation(({ id, input }: { id: string; input: PairingNoteInput }) =>
    api.post(PairingNoteListSchema, `${path(id)}/notes`, input),
  );

export function usePairingReviews(id: string | null) {
  return useQuery({
    queryKey: pairingKeys.reviews(id ?? ''),
    queryFn: async () => (await api.get(PairingReviewListSchema, `${path(id ?? '')}/reviews`)).items,
    enabled: id !== null,
  });
}

export const useAddPairingReview = () =>
  usePairingMutation(({ id, input }: { id: string; input: PairingReviewInput }) =>
    api.post(PairingSchema, `${path(id)}/reviews`, input),
  );
