import {
  AttendanceListSchema,
  AttendanceResultSchema,
  EnrolmentListSchema,
  EnrolmentSchema,
  EnrolmentsAddResultSchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  TrainingPolicyViewSchema,
  type Apply,
  type AttendanceInput,
  type EnrolmentDecision,
  type EnrolmentStatus,
  type EnrolmentsAdd,
  type ProgrammeCreate,
  type SubstitutionDecision,
  type SubstitutionRequest,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http.ts';

/** Every query of the training pages starts with this key: a change anywhere refreshes them all. */
export const trainingKeys = {
  all: ['training'] as const,
  policy: () => [...trainingKeys.all, 'policy'] as const,
  programmes: (p: ProgrammeListParams) => [...trainingKeys.all, 'programmes', p] as const,
  programme: (id: string) => [...trainingKeys.all, 'programme', id] as const,
  enrolments: (p: EnrolmentListParams) => [...trainingKeys.all, 'enrolments', p] as const,
  attendance: (id: string) => [...trainingKeys.all, 'attendance', id] as const,
  compliance: (p: object) => [...trainingKeys.all, 'compliance', p] as const,
  holding: (year: number) => [...trainingKeys.all, 'holding', year] as const,
  mine: (year: number) => [...trainingKeys.all, 'mine', year] as const,
};

export interface ProgrammeListParams {
  year?: number;
  kindId?: string;
  organiserOrgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface EnrolmentListParams {
  programmeId?: string;
  status?: EnrolmentStatus;
  mustSend?: boolean;
  page: number;
  pageSize: number;
}

const enc = encodeURIComponent;

export function useTrainingPolicy() {
  return useQuery({
    queryKey: trainingKeys.policy(),
    queryFn: () => api.get(TrainingPolicyViewSchema, '/api/training/policy'),
  });
}

export function useProgrammes(p: ProgrammeListParams) {
  return useQuery({
    queryKey: trainingKeys.programmes(p),
    queryFn: () => api.get(ProgrammeListSchema, '/api/training/programmes', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: trainingKeys.programme(id),
    queryFn: () => api.get(ProgrammeSchema, `/api/training/programmes/${enc(id)}`),
  });
}

export function useEnrolments(p: EnrolmentListParams, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.enrolments(p),
    queryFn: () =>
      api.get(EnrolmentListSchema, '/api/training/enrolments', {
        ...p,
        mustSend: p.mustSend === undefined ? undefined : String(p.mustSend),
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What has been recorded for a programme (every session and the whole-programme rows). */
export function useAttendance(id: string) {
  return useQuery({
    queryKey: trainingKeys.attendance(id),
    queryFn: () => api.get(AttendanceListSchema, `/api/training/programmes/${enc(id)}/attendance`),
  });
}

function useTrainingMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useCreateProgramme = () =>
  useTrainingMutation((input: ProgrammeCreate) =>
    api.post(ProgrammeSchema, '/api/training/programmes', input),
  );

export const useAddEnrolments = () =>
  useTrainingMutation(({ id, input }: { id: string; input: EnrolmentsAdd }) =>
    api.post(EnrolmentsAddResultSchema, `/api/training/programmes/${enc(id)}/enrolments`, input),
  );

export const useApply = () =>
  useTrainingMutation(({ id, input }: { id: string; input: Apply }) =>
    api.post(EnrolmentSchema, `/api/training/programmes/${enc(id)}/apply`, input),
  );

export const useDecideEnrolment = () =>
  useTrainingMutation(({ id, input }: { id: string; input: EnrolmentDecision }) =>
    api.post(EnrolmentSchema, `/api/training/enrolments/${enc(id)}/decide`, input),
  );

export const useConfirmEnrolment = () =>
  useTrainingMutation((id: string) =>
    api.post(EnrolmentSchema, `/api/training/enrolments/${enc(id)}/confirm`, {}),
  );

export const useRequestSubstitute = () =>
  useTrainingMutation(({ id, input }: { id: string; input: SubstitutionRequest }) =>
    api.post(EnrolmentSchema, `/api/training/enrolments/${enc(id)}/substitute`, input),
  );

export const useDecideSubstitution = () =>
  useTrainingMutation(({ id, input }: { id: string; input: SubstitutionDecision }) =>
    api.post(EnrolmentSchema, `/api/training/enrolments/${enc(id)}/substitution`, input),
  );

export const useRecordAttendance = () =>
  useTrainingMutation(({ id, input }: { id: string; input: AttendanceInput }) =>
    api.post(AttendanceResultSchema, `/api/training/programmes/${enc(id)}/attendance`, input),
  );
