import { z } from 'zod';
import { fileResponse, XLSX_MEDIA_TYPE } from '../files.ts';

/**
 * 村(社区)工作事务清单 (R-BUR-5): the items departments hand down to streets, villages and communities, each
 * judged by the pack's `burden.workList` (unfunded flagged, 属地管理 transfers refused), with the money in fen.
 */

const uuid = z.string().uuid();

export const WorkListItemInputSchema = z.strictObject({
  /** the unit that takes the item on (a street, village or community) */
  orgId: uuid,
  /** the department that hands it down, as written (区民政局 …) */
  organiserName: z.string().trim().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(200),
  /** 依据 (the document or law) */
  basis: z.string().trim().max(500).default(''),
  /** one of the pack's modes (delegated / purchased), null: neither */
  modeId: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/)
    .nullable()
    .default(null),
  /** the funding, or the service contract's amount, in fen */
  amountFen: z.number().int().min(0).max(1e13).nullable().default(null),
  contract: z.string().trim().max(200).default(''),
  /** the department's own duty handed down under the name of 属地管理 */
  localManagement: z.boolean().default(false),
});
export type WorkListItemInput = z.input<typeof WorkListItemInputSchema>;

export const WorkListItemSchema = z.object({
  id: uuid,
  orgId: uuid,
  orgName: z.string(),
  organiserName: z.string(),
  year: z.number().int(),
  name: z.string(),
  basis: z.string(),
  modeId: z.string().nullable(),
  modeName: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  /** ¥12,000.00 */
  amountText: z.string().nullable(),
  contract: z.string(),
  localManagement: z.boolean(),
  unfunded: z.boolean(),
  explanation: z.string(),
});
export type WorkListItem = z.infer<typeof WorkListItemSchema>;

export const WorkListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: uuid.optional(),
  unfunded: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type WorkListQuery = z.output<typeof WorkListQuerySchema>;
export const WorkListExportQuerySchema = WorkListQuerySchema.omit({ page: true, pageSize: true });

export const WorkListSchema = z.object({
  items: z.array(WorkListItemSchema),
  total: z.number().int(),
  /** unfunded items among those filtered */
  unfunded: z.number().int(),
  policy: z
    .object({
      unitKinds: z.array(z.string()),
      modes: z.array(z.object({ id: z.string(), name: z.string() })),
      refuseLocalManagementTransfer: z.boolean(),
    })
    .nullable(),
  explanation: z.string(),
});
export type WorkList = z.infer<typeof WorkListSchema>;

export const WorkListFileResponse = fileResponse('村(社区)工作事务清单（Excel）', XLSX_MEDIA_TYPE);

/** The work list's Excel import: how many items were added, of which unfunded (flagged, not refused). */
export const WorkListImportResultSchema = z.object({
  imported: z.number().int(),
  unfunded: z.number().int(),
});
export type WorkListImportResult = z.output<typeof WorkListImportResultSchema>;
export const WorkListTemplateFileResponse = fileResponse(
  '村(社区)工作事务清单导入模板（Excel）',
  XLSX_MEDIA_TYPE,
);
export const WorkListImportReportFileResponse = fileResponse(
  '工作事务清单导入检查报告（Excel，标出错误单元格）',
  XLSX_MEDIA_TYPE,
);
