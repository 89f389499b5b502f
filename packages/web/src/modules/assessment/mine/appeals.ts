import { GradeAppealListSchema, GradeAppealSchema } from '@ganbu/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';
import { inboxKeys } from '../../inbox/api.ts';

const appealKeys = { mine: ['assessment', 'appeals', 'mine'] as const };

/** 考核等次申诉: the signed-in cadre's appeals, to show each result's state. */
export function useMyAppeals(enabled: boolean) {
  return useQuery({
    queryKey: appealKeys.mine,
    queryFn: () => api.get(GradeAppealListSchema, '/api/assessment/appeals/mine'),
    enabled,
  });
}

export function useAppealGrade() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, targetId, reason }: { roundId: string; targetId: string; reason: string }) =>
      api.post(
        GradeAppealSchema,
        `/api/assessment/rounds/${encodeURIComponent(roundId)}/targets/${encodeURIComponent(targetId)}/appeal`,
        { reason },
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: appealKeys.mine });
      await qc.invalidateQueries({ queryKey: inboxKeys.all });
    },
    meta: { inlineError: true },
  });
}
