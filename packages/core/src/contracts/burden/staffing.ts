import { z } from 'zod';
import { fileResponse, XLSX_MEDIA_TYPE } from '../files.ts';

/**
 * 借调 (R-BUR-1) and 专编专用 (R-BUR-2): a department's request to borrow a street cadre, judged by the pack's
 * rule (refused with a reason code, or opened as a `borrowing` case: 街道意见 → 组织部审核), the register of
 * borrowings per street with the return tracked, and the establishment report per protected unit.
 */

const day = z.iso.date();
const uuid = z.string().uuid();
const id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const BORROWING_STATES = [
  'pending',
  'rejected',
  'withdrawn',
  'in_force',
  'overdue',
  'returned',
] as const;

export const BorrowingApprovalInputSchema = z.strictObject({
  /** the purpose's `approvalBy` id (e.g. district_committee, 区委批准) */
  by: id,
  /** 文号 */
  reference: z.string().trim().min(1).max(100),
  date: day,
  fileId: uuid.nullable().optional(),
});

export const BorrowingInputSchema = z.strictObject({
  cadreId: uuid,
  /** the borrowing unit (a district department) */
  borrowerOrgId: uuid,
  /** one of the pack's allowedPurposes; anything else (e.g. `routine`, 日常工作) is refused by rule */
  purposeId: id,
  task: z.string().trim().min(1).max(500),
  from: day,
  until: day,
  approval: BorrowingApprovalInputSchema.nullable().optional(),
});
export type BorrowingInput = z.input<typeof BorrowingInputSchema>;

export const BorrowingSchema = z.object({
  id: uuid,
  /** the workflow case (null: recorded without a rule) */
  caseId: uuid.nullable(),
  cadreId: uuid,
  cadreName: z.string(),
  lenderOrgId: uuid,
  lenderName: z.string(),
  borrowerOrgId: uuid,
  borrowerName: z.string(),
  purposeId: z.string(),
  purposeName: z.string(),
  task: z.string(),
  from: day,
  until: day,
  approval: z
    .object({
      by: z.string(),
      byName: z.string(),
      reference: z.string(),
      date: day,
      fileId: uuid.nullable(),
    })
    .nullable(),
  requestedOn: day,
  state: z.enum(BORROWING_STATES),
  returnedOn: day.nullable(),
  /** the rule's judgement when asked: 符合规定：… (names the pack's rule) */
  explanation: z.string(),
  /** the state in words: 借调中，应于 … 前归还 / 逾期未归还 … */
  stateText: z.string(),
});
export type Borrowing = z.infer<typeof BorrowingSchema>;

export const BorrowingListQuerySchema = z.strictObject({
  /** the lending street or the borrowing department (either side) */
  orgId: uuid.optional(),
  state: z.enum(BORROWING_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type BorrowingListQuery = z.output<typeof BorrowingListQuerySchema>;

/** The pack's rule as the request form shows it (null: the pack has none). */
export const BorrowingRuleSchema = z
  .object({
    text: z.string(),
    purposes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        approvalBy: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    ),
    maxMonths: z.number().int(),
  })
  .nullable();

export const BorrowingListSchema = z.object({
  items: z.array(BorrowingSchema),
  total: z.number().int(),
  overdue: z.number().int(),
  rule: BorrowingRuleSchema,
});
export type BorrowingList = z.infer<typeof BorrowingListSchema>;

export const BorrowingReturnSchema = z.strictObject({ returnedOn: day });
export type BorrowingReturn = z.input<typeof BorrowingReturnSchema>;

export const BorrowingExportQuerySchema = BorrowingListQuerySchema.omit({ page: true, pageSize: true });

// ---------------------------------------------------------------- 专编专用

export const EstablishmentQuerySchema = z.strictObject({ orgId: uuid.optional() });
export type EstablishmentQuery = z.output<typeof EstablishmentQuerySchema>;

const PersonAt = z.object({ cadreId: uuid, name: z.string(), orgId: uuid, orgName: z.string() });

export const EstablishmentUnitSchema = z.object({
  orgId: uuid,
  orgName: z.string(),
  /** the unit's establishment (counts per kind) and their total */
  establishment: z.record(z.string(), z.number().int()),
  establishmentTotal: z.number().int(),
  /** people on this unit's establishment (编制在本单位), wherever they work */
  onEstablishment: z.number().int(),
  /** of whom working elsewhere (named, with the unit they work in) */
  workingElsewhere: z.array(PersonAt),
  /** people working here on another unit's establishment (with that unit) */
  fromElsewhere: z.array(PersonAt),
  explanation: z.string(),
});
export type EstablishmentUnit = z.infer<typeof EstablishmentUnitSchema>;

export const EstablishmentReportSchema = z.object({
  /** the pack's protected unit kinds; empty when the pack has no 专编专用 check */
  protectedUnitKinds: z.array(z.string()),
  units: z.array(EstablishmentUnitSchema),
  /** people working elsewhere on a protected unit's establishment, in all */
  occupied: z.number().int(),
  explanation: z.string(),
});
export type EstablishmentReport = z.infer<typeof EstablishmentReportSchema>;

export const BorrowingRegisterFileResponse = fileResponse('借调登记表（Excel）', XLSX_MEDIA_TYPE);
export const EstablishmentFileResponse = fileResponse('专编专用情况表（Excel）', XLSX_MEDIA_TYPE);

/** The request form's cadre picker: cadres of lender units by name. */
export const BorrowingCandidateQuerySchema = z.strictObject({ q: z.string().trim().min(1).max(50) });
export const BorrowingCandidateListSchema = z.object({
  items: z.array(z.object({ id: uuid, name: z.string(), postTitle: z.string(), lenderName: z.string() })),
});
