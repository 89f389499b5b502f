import {
  StationActivityListSchema,
  StationListSchema,
  StationRoundSchema,
  StationSchema,
  type StationActivityInput,
  type StationCreateInput,
  type StationRoundInput,
  type StationUpdateInput,
} from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

export const stationKeys = {
  all: ['training', 'stations'] as const,
  list: () => [...stationKeys.all, 'list'] as const,
  activities: (id: string) => [...stationKeys.all, 'activities', id] as const,
};

const path = (id: string) => `/api/training/stations/${encodeURIComponent(id)}`;

export function useStations() {
  return useQuery({
    queryKey: stationKeys.list(),
    queryFn: () => api.get(StationListSchema, '/api/training/stations'),
  });
}

export function useStationActivities(id: string | null) {
  return useQuery({
    queryKey: stationKeys.activities(id ?? ''),
    queryFn: async () => (await api.get(StationActivityListSchema, `${path(id ?? '')}/activities`)).items,
    enabled: id !== null,
  });
}

function useStationMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: stationKeys.all }) });
}

export const useCreateStation = () =>
  useStationMutation((input: StationCreateInput) => api.post(StationSchema, '/api/training/stations', input));

export const useUpdateStation = () =>
  useStationMutation(({ id, input }: { id: string; input: StationUpdateInput }) =>
    api.patch(StationSchema, path(id), input),
  );

export const useAddActivity = () =>
  useStationMutation(({ id, input }: { id: string; input: StationActivityInput }) =>
    api.post(StationActivityListSchema, `${path(id)}/activities`, input),
  );

export const useStartStationRound = () =>
  useStationMutation((input: StationRoundInput) =>
    api.post(StationRoundSchema, '/api/training/stations/rounds', input),
  );
