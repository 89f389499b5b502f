import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, http } from '../../lib/http.ts';
import { saveBlob } from '../../lib/save-blob.ts';

// PROVISIONAL: shapes guessed from the brief until core's contracts/honours.ts lands; then these go.
export const HONOUR_BATCH_STATES = ['draft', 'nominating', 'notice', 'decided', 'cancelled'] as const;
export type HonourBatchState = (typeof HONOUR_BATCH_STATES)[number];

const HonourBatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  kindId: z.string(),
  kindName: z.string(),
  state: z.enum(HONOUR_BATCH_STATES),
  orgId: z.string(),
  orgName: z.string(),
  packName: z.string(),
  noticeWorkingDays: z.number(),
  noticeStartOn: z.string().nullable(),
  noticeEndOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  nominationCount: z.number(),
  quotaTotal: z.number().nullable(),
});
export type HonourBatch = z.infer<typeof HonourBatchSchema>;
const HonourBatchListSchema = z.object({ items: z.array(HonourBatchSchema), total: z.number() });

const QuotaSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  cadres: z.number(),
  sharePercent: z.number().nullable(),
  quota: z.number().nullable(),
  used: z.number(),
  explanation: z.string(),
});
export type HonourQuotaRow = z.infer<typeof QuotaSchema>;

const NominationSchema = z.object({
  id: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  postTitle: z.string().nullable(),
  deeds: z.string(),
  photoUrl: z.string().nullable(),
});
export type HonourNomination = z.infer<typeof NominationSchema>;

const ObjectionSchema = z.object({
  id: z.string(),
  nominationId: z.string().nullable(),
  text: z.string(),
  receivedOn: z.string(),
  resolution: z.string().nullable(),
});
export type HonourObjection = z.infer<typeof ObjectionSchema>;

const HonourBatchDetailSchema = HonourBatchSchema.extend({
  quotas: z.array(QuotaSchema),
  nominations: z.array(NominationSchema),
  objections: z.array(ObjectionSchema),
});
export type HonourBatchDetail = z.infer<typeof HonourBatchDetailSchema>;

const ProposalSchema = z.object({
  cadreId: z.string(),
  name: z.string(),
  orgName: z.string(),
  postTitle: z.string().nullable(),
  ruleId: z.string(),
  explanation: z.string(),
  nominated: z.boolean(),
});
export type HonourProposal = z.infer<typeof ProposalSchema>;
const ProposalListSchema = z.object({ items: z.array(ProposalSchema) });

const BoardItemSchema = z.object({
  id: z.string(),
  cadreId: z.string(),
  name: z.string(),
  orgName: z.string(),
  postTitle: z.string().nullable(),
  kindId: z.string(),
  kindName: z.string(),
  rank: z.number(),
  deeds: z.string(),
  photoUrl: z.string().nullable(),
  batchName: z.string(),
  decidedOn: z.string(),
  documentNo: z.string().nullable(),
});
export type HonourBoardItem = z.infer<typeof BoardItemSchema>;
const BoardSchema = z.object({ year: z.number(), items: z.array(BoardItemSchema) });

export interface BatchCreate {
  name: string;
  year: number;
  kindId: string;
}
export interface NominationCreate {
  cadreId: string;
  deeds: string;
  usePhoto: boolean;
}
export interface ObjectionCreate {
  nominationId?: string;
  text: string;
  receivedOn: string;
}

const HonourPolicySchema = z.object({
  packName: z.string(),
  kinds: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number() })),
  noticeWorkingDays: z.number(),
});
export type HonourPolicyView = z.infer<typeof HonourPolicySchema>;

const NoticePreviewSchema = z.object({ startOn: z.string(), endOn: z.string(), workingDays: z.number() });

// ---- end of provisional shapes

export const honourKeys = {
  all: ['honours'] as const,
  batches: (p: BatchListParams) => [...honourKeys.all, 'batches', p] as const,
  batch: (id: string) => [...honourKeys.all, 'batch', id] as const,
  proposals: (id: string) => [...honourKeys.all, 'proposals', id] as const,
  board: (year: number) => [...honourKeys.all, 'board', year] as const,
  policy: () => [...honourKeys.all, 'policy'] as const,
  noticePreview: (id: string, startOn: string) => [...honourKeys.all, 'notice-preview', id, startOn] as const,
};

export interface BatchListParams {
  year?: number;
  kindId?: string;
  state?: HonourBatchState;
  page: number;
  pageSize: number;
}

const enc = (s: string) => encodeURIComponent(s);

export function useHonourBatches(p: BatchListParams) {
  return useQuery({
    queryKey: honourKeys.batches(p),
    queryFn: () => api.get(HonourBatchListSchema, '/api/honours/batches', { ...p }),
    placeholderData: keepPreviousData,
  });
}

export function useHonourBatch(id: string) {
  return useQuery({
    queryKey: honourKeys.batch(id),
    queryFn: () => api.get(HonourBatchDetailSchema, `/api/honours/batches/${enc(id)}`),
  });
}

export function useHonourProposals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: honourKeys.proposals(id),
    queryFn: () => api.get(ProposalListSchema, `/api/honours/batches/${enc(id)}/proposals`),
    enabled,
  });
}

export function useHonourPolicy() {
  return useQuery({
    queryKey: honourKeys.policy(),
    queryFn: () => api.get(HonourPolicySchema, '/api/honours/policy'),
  });
}

/** The 公示 end computed by the server's working-day calendar for a start day. */
export function useNoticePreview(id: string, startOn: string | undefined) {
  return useQuery({
    queryKey: honourKeys.noticePreview(id, startOn ?? ''),
    queryFn: () =>
      api.get(NoticePreviewSchema, `/api/honours/batches/${enc(id)}/notice-preview`, { startOn }),
    enabled: !!startOn,
  });
}

export function useHonourBoard(year: number) {
  return useQuery({
    queryKey: honourKeys.board(year),
    queryFn: () => api.get(BoardSchema, '/api/honours/board', { year }),
  });
}

function useHonourMutation<V, R>(mutationFn: (vars: V) => Promise<R>, inlineError = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError },
    onSuccess: () => qc.invalidateQueries({ queryKey: honourKeys.all }),
  });
}

export const useCreateBatch = () =>
  useHonourMutation((input: BatchCreate) => api.post(HonourBatchSchema, '/api/honours/batches', input));

export const useOpenNominations = () =>
  useHonourMutation((id: string) =>
    api.post(HonourBatchDetailSchema, `/api/honours/batches/${enc(id)}/open`, {}),
  );

/** Nominating shows its refusal (quota full, ineligible with the engine's reasons) inside the drawer. */
export const useNominate = () =>
  useHonourMutation(
    ({ batchId, input }: { batchId: string; input: NominationCreate }) =>
      api.post(NominationSchema, `/api/honours/batches/${enc(batchId)}/nominations`, input),
    true,
  );

export const useWithdrawNomination = () =>
  useHonourMutation(({ batchId, nominationId }: { batchId: string; nominationId: string }) =>
    api.post(
      HonourBatchDetailSchema,
      `/api/honours/batches/${enc(batchId)}/nominations/${enc(nominationId)}/withdraw`,
      {},
    ),
  );

export const useStartNotice = () =>
  useHonourMutation(({ batchId, startOn }: { batchId: string; startOn: string }) =>
    api.post(HonourBatchDetailSchema, `/api/honours/batches/${enc(batchId)}/notice`, { startOn }),
  );

export const useRecordObjection = () =>
  useHonourMutation(({ batchId, input }: { batchId: string; input: ObjectionCreate }) =>
    api.post(ObjectionSchema, `/api/honours/batches/${enc(batchId)}/objections`, input),
  );

export const useResolveObjection = () =>
  useHonourMutation(
    ({ batchId, objectionId, resolution }: { batchId: string; objectionId: string; resolution: string }) =>
      api.post(
        ObjectionSchema,
        `/api/honours/batches/${enc(batchId)}/objections/${enc(objectionId)}/resolve`,
        { resolution },
      ),
  );

export const useDecideBatch = () =>
  useHonourMutation(
    ({ batchId, decidedOn, documentNo }: { batchId: string; decidedOn: string; documentNo: string }) =>
      api.post(HonourBatchDetailSchema, `/api/honours/batches/${enc(batchId)}/decision`, {
        decidedOn,
        documentNo,
      }),
  );

export const useCancelBatch = () =>
  useHonourMutation((id: string) =>
    api.post(HonourBatchDetailSchema, `/api/honours/batches/${enc(id)}/cancel`, {}),
  );

/** 表彰通报 of a decided batch (Word), saved under the batch's name. */
export async function downloadNotice(batch: { id: string; name: string }): Promise<void> {
  saveBlob(await http.getBlob(`/api/honours/batches/${enc(batch.id)}/notice.docx`), `${batch.name}.docx`);
}
