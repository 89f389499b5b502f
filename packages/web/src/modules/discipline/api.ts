import {
  ClarificationDetailSchema,
  ClarificationListSchema,
  CommitteeCandidateListSchema,
  DisciplineAttachmentListSchema,
  DisciplineKindListSchema,
  DisciplineRecordListSchema,
  DisciplineRecordSchema,
  RiskFilingListSchema,
  RiskFilingSchema,
  ToleranceCaseDetailSchema,
  ToleranceCaseListSchema,
  type ClarificationAccuserInput,
  type ClarificationConclusionInput,
  type ClarificationCreateInput,
  type DisciplineRecordCreateInput,
  type RiskFilingCreateInput,
  type ToleranceCaseCreateInput,
  type ToleranceCaseUpdateInput,
  type ToleranceDecisionInput,
  type ToleranceFollowupInput,
  type ToleranceMeasureInput,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, http, type QueryParams } from '../../lib/http.ts';
import { saveBlob } from '../../lib/save-blob.ts';
import { caseKeys, inboxKeys } from '../inbox/api.ts';

/** Query keys of the discipline module: every mutation invalidates the module's keys. */
export const disciplineKeys = {
  all: ['discipline'] as const,
  kinds: (date?: string) => [...disciplineKeys.all, 'kinds', date ?? ''] as const,
  records: (p: QueryParams) => [...disciplineKeys.all, 'records', p] as const,
  cadreRecords: (id: string) => [...disciplineKeys.all, 'cadre-records', id] as const,
  record: (id: string) => [...disciplineKeys.all, 'record', id] as const,
  attachments: (id: string) => [...disciplineKeys.all, 'attachments', id] as const,
  filings: (p: QueryParams) => [...disciplineKeys.all, 'filings', p] as const,
  cases: (p: QueryParams) => [...disciplineKeys.all, 'cases', p] as const,
  case: (id: string) => [...disciplineKeys.all, 'case', id] as const,
  candidates: (id: string) => [...disciplineKeys.all, 'candidates', id] as const,
  clarifications: (p: QueryParams) => [...disciplineKeys.all, 'clarifications', p] as const,
  clarification: (id: string) => [...disciplineKeys.all, 'clarification', id] as const,
};

const enc = encodeURIComponent;

export const useDisciplineKinds = (date?: string) =>
  useQuery({
    queryKey: disciplineKeys.kinds(date),
    queryFn: () => api.get(DisciplineKindListSchema, '/api/discipline-kinds', { date }),
    staleTime: 5 * 60_000,
  });

export const useRecords = (p: QueryParams) =>
  useQuery({
    queryKey: disciplineKeys.records(p),
    queryFn: () => api.get(DisciplineRecordListSchema, '/api/discipline-records', p),
    placeholderData: keepPreviousData,
  });

export const useCadreRecords = (cadreId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: disciplineKeys.cadreRecords(cadreId ?? ''),
    queryFn: () =>
      api.get(DisciplineRecordListSchema, `/api/cadres/${enc(cadreId ?? '')}/discipline-records`, {
        pageSize: 200,
      }),
    enabled: enabled && !!cadreId,
  });

export const useAttachments = (recordId: string | null) =>
  useQuery({
    queryKey: disciplineKeys.attachments(recordId ?? ''),
    queryFn: async () =>
      (
        await api.get(
          DisciplineAttachmentListSchema,
          `/api/discipline-records/${enc(recordId ?? '')}/attachments`,
        )
      ).items,
    enabled: recordId !== null,
  });

export const useFilings = (p: QueryParams, enabled = true) =>
  useQuery({
    queryKey: disciplineKeys.filings(p),
    queryFn: () => api.get(RiskFilingListSchema, '/api/risk-filings', p),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCases = (p: QueryParams, enabled = true) =>
  useQuery({
    queryKey: disciplineKeys.cases(p),
    queryFn: () => api.get(ToleranceCaseListSchema, '/api/tolerance-cases', p),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: disciplineKeys.case(id),
    queryFn: () => api.get(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}`),
  });

export const useCommitteeCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: disciplineKeys.candidates(id),
    queryFn: async () =>
      (await api.get(CommitteeCandidateListSchema, `/api/tolerance-cases/${enc(id)}/committee/candidates`))
        .items,
    enabled,
  });

export const useClarifications = (p: QueryParams, enabled = true) =>
  useQuery({
    queryKey: disciplineKeys.clarifications(p),
    queryFn: () => api.get(ClarificationListSchema, '/api/clarifications', p),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useClarification = (id: string) =>
  useQuery({
    queryKey: disciplineKeys.clarification(id),
    queryFn: () => api.get(ClarificationDetailSchema, `/api/clarifications/${enc(id)}`),
  });

/** A change here may move a workflow case (受理, 调查核实, 决定): its page and the 待办 refresh as well. */
function useDisciplineMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: disciplineKeys.all }),
        qc.invalidateQueries({ queryKey: caseKeys.all }),
        qc.invalidateQueries({ queryKey: inboxKeys.all }),
      ]),
  });
}

export const useCreateRecord = () =>
  useDisciplineMutation((input: DisciplineRecordCreateInput) =>
    api.post(DisciplineRecordSchema, '/api/discipline-records', input),
  );
export const useRevokeRecord = () =>
  useDisciplineMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post(DisciplineRecordSchema, `/api/discipline-records/${enc(id)}/revoke`, { reason }),
  );
export const useUploadAttachment = () =>
  useDisciplineMutation(({ id, file }: { id: string; file: File }) =>
    api.postRaw(
      DisciplineAttachmentListSchema,
      `/api/discipline-records/${enc(id)}/attachments`,
      file,
      file.type || 'application/octet-stream',
      { name: file.name },
    ),
  );
export async function downloadAttachment(recordId: string, a: { id: string; name: string }) {
  saveBlob(await http.getBlob(`/api/discipline-records/${enc(recordId)}/attachments/${enc(a.id)}`), a.name);
}

export const useCreateFiling = () =>
  useDisciplineMutation((input: RiskFilingCreateInput) =>
    api.post(RiskFilingSchema, '/api/risk-filings', input),
  );

export const useCreateCase = () =>
  useDisciplineMutation((input: ToleranceCaseCreateInput) =>
    api.post(ToleranceCaseDetailSchema, '/api/tolerance-cases', input),
  );
export const useUpdateCase = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ToleranceCaseUpdateInput }) =>
    api.patch(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}`, input),
  );
export const useSetCommittee = () =>
  useDisciplineMutation(({ id, userIds }: { id: string; userIds: string[] }) =>
    api.put(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}/committee`, { userIds }),
  );
export const useDecideCase = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ToleranceDecisionInput }) =>
    api.post(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}/decision`, input),
  );
export const useAddMeasure = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ToleranceMeasureInput }) =>
    api.post(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}/measures`, input),
  );
export const useCompleteMeasure = () =>
  useDisciplineMutation(({ id, measureId }: { id: string; measureId: string }) =>
    api.post(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}/measures/${enc(measureId)}/done`),
  );
export const useAddFollowup = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ToleranceFollowupInput }) =>
    api.post(ToleranceCaseDetailSchema, `/api/tolerance-cases/${enc(id)}/followups`, input),
  );

export const useCreateClarification = () =>
  useDisciplineMutation((input: ClarificationCreateInput) =>
    api.post(ClarificationDetailSchema, '/api/clarifications', input),
  );
export const useConclude = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ClarificationConclusionInput }) =>
    api.post(ClarificationDetailSchema, `/api/clarifications/${enc(id)}/conclusion`, input),
  );
export const useSetAccuser = () =>
  useDisciplineMutation(({ id, input }: { id: string; input: ClarificationAccuserInput }) =>
    api.put(ClarificationDetailSchema, `/api/clarifications/${enc(id)}/accuser`, input),
  );
export async function downloadNotice(id: string, cadreName: string) {
  saveBlob(
    await http.getBlob(`/api/clarifications/${enc(id)}/notice.docx`),
    `澄清正名通报-${cadreName}.docx`,
  );
}
