import {
  SelectionNoticeSchema,
  SelectionProcessDetailSchema,
  SelectionProcessKindSummarySchema,
  SelectionProcessListSchema,
  SelectionProcessSchema,
  type SelectionActBody,
  type SelectionNoticeCreate,
  type SelectionProcessCreate,
  type SelectionStepResultsBody,
} from '@ganbu/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, http, type QueryParams } from '../../../lib/http.ts';
import { saveBlob } from '../../../lib/save-blob.ts';
import { caseKeys, inboxKeys } from '../../inbox/api.ts';

/** Query keys of the selection process pages: every change invalidates them all (and the case, the 待办). */
export const processKeys = {
  all: ['selection', 'processes'] as const,
  kinds: () => [...processKeys.all, 'kinds'] as const,
  list: (p: QueryParams) => [...processKeys.all, 'list', p] as const,
  detail: (id: string) => [...processKeys.all, 'detail', id] as const,
};

const enc = encodeURIComponent;
const processPath = (id: string) => `/api/selection/processes/${enc(id)}`;

/** The kinds answer as a list under `items` (a bare list is read the same). */
const KindsSchema = z
  .union([
    z.object({ items: z.array(SelectionProcessKindSummarySchema) }),
    z.array(SelectionProcessKindSummarySchema),
  ])
  .transform((v) => (Array.isArray(v) ? v : v.items));

/** What a change answers is not read: the page refetches the process. */
const Anything = z.unknown();

/** The district pack's process kinds, each with its steps (name, type, notice days). */
export const useSelectionKinds = () =>
  useQuery({ queryKey: processKeys.kinds(), queryFn: () => api.get(KindsSchema, '/api/selection/kinds') });

export const useSelectionProcesses = (p: QueryParams) =>
  useQuery({
    queryKey: processKeys.list(p),
    queryFn: () => api.get(SelectionProcessListSchema, '/api/selection/processes', p),
    placeholderData: keepPreviousData,
  });

export const useSelectionProcess = (id: string) =>
  useQuery({
    queryKey: processKeys.detail(id),
    queryFn: () => api.get(SelectionProcessDetailSchema, processPath(id)),
  });

/**
 * A change of a process (which may move its case): the process pages, the case and the 待办 refresh. Errors
 * are shown by the form that made the change (a SELECTION_* refusal with the server's sentence).
 */
function useProcessMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError: true },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: processKeys.all }),
        qc.invalidateQueries({ queryKey: caseKeys.all }),
        qc.invalidateQueries({ queryKey: inboxKeys.all }),
      ]),
  });
}

export const useCreateProcess = () =>
  useProcessMutation((input: SelectionProcessCreate) =>
    api.post(SelectionProcessSchema, '/api/selection/processes', input),
  );

export const useAddCandidate = (id: string) =>
  useProcessMutation((cadreId: string) => api.post(Anything, `${processPath(id)}/candidates`, { cadreId }));

export const useCandidateOut = (id: string) =>
  useProcessMutation(({ candidateId, reason }: { candidateId: string; reason: string }) =>
    api.post(Anything, `${processPath(id)}/candidates/${enc(candidateId)}/out`, { reason }),
  );

export const useStepResults = (id: string) =>
  useProcessMutation(({ stepId, body }: { stepId: string; body: SelectionStepResultsBody }) =>
    api.post(Anything, `${processPath(id)}/steps/${enc(stepId)}/results`, body),
  );

export const useDecision = (id: string) =>
  useProcessMutation((chosenCandidateIds: string[]) =>
    api.post(Anything, `${processPath(id)}/decision`, { chosenCandidateIds }),
  );

export const useOpenNotice = (id: string) =>
  useProcessMutation((body: SelectionNoticeCreate) =>
    api.post(SelectionNoticeSchema, `${processPath(id)}/notices`, body),
  );

export interface ObjectionInput {
  candidateId: string | null;
  receivedOn: string;
  channel: string;
  summary: string;
}
export const useAddObjection = (id: string) =>
  useProcessMutation(({ noticeId, input }: { noticeId: string; input: ObjectionInput }) =>
    api.post(Anything, `${processPath(id)}/notices/${enc(noticeId)}/objections`, input),
  );

export interface ObjectionClose {
  finding: 'unfounded' | 'partly' | 'founded';
  handling: string;
  closedOn: string;
}
export const useCloseObjection = (id: string) =>
  useProcessMutation(({ objectionId, input }: { objectionId: string; input: ObjectionClose }) =>
    api.post(Anything, `${processPath(id)}/objections/${enc(objectionId)}/close`, input),
  );

export const useProcessAct = (id: string) =>
  useProcessMutation((body: SelectionActBody) => api.post(Anything, `${processPath(id)}/act`, body));

/** 下载公示（Word）: the notice the server writes from the template. */
export async function downloadNotice(id: string, noticeId: string, filename: string) {
  saveBlob(await http.getBlob(`${processPath(id)}/notices/${enc(noticeId)}/document`), filename);
}
