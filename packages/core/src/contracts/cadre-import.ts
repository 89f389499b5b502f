import { z } from 'zod';
import { DOCX_MEDIA_TYPE, fileResponse, XLSX_MEDIA_TYPE } from './files.ts';

/** 新增 only, or 按身份证号更新 existing records. */
export const CADRE_IMPORT_MODES = ['create', 'update'] as const;
export type CadreImportMode = (typeof CADRE_IMPORT_MODES)[number];

export const CadreXlsxImportQuerySchema = z.strictObject({
  mode: z.enum(CADRE_IMPORT_MODES).default('create'),
});
export const CadreLrmxImportQuerySchema = z.strictObject({ orgId: z.string().uuid() });

/** The records an import wrote (all or nothing); what the officer should check in them (a form's 简历). */
export const CadreImportResultSchema = z.object({
  imported: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
});
export type CadreImportResult = z.output<typeof CadreImportResultSchema>;

/** One problem of an Excel import (in the 400 answer's `errors`): where it is and what is wrong. */
export const XlsxImportErrorSchema = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  message: z.string(),
});
export type XlsxImportError = z.output<typeof XlsxImportErrorSchema>;

/** One problem of a 任免审批表 import or comparison (in the 400 answer's `errors`): the file and the field. */
export const LrmxImportErrorSchema = z.object({
  file: z.string(),
  field: z.string(),
  message: z.string(),
});
export type LrmxImportError = z.output<typeof LrmxImportErrorSchema>;

/** A field whose registry value differs from the approval form's (core `compareRecords`). */
export const LrmxFieldDifferenceSchema = z.object({
  field: z.string(),
  label: z.string(),
  registry: z.unknown(),
  incoming: z.unknown(),
});

/** One approval form compared with the registry's record of the same ID number. */
export const LrmxCompareItemSchema = z.object({
  file: z.string(),
  existingId: z.string().uuid().nullable(),
  name: z.string(),
  /** the whole incoming record, for taking differences into the registry's record */
  incoming: z.record(z.string(), z.unknown()),
  differences: z.array(LrmxFieldDifferenceSchema),
});
export type LrmxCompareItem = z.output<typeof LrmxCompareItemSchema>;
export const LrmxCompareResultSchema = z.object({ items: z.array(LrmxCompareItemSchema) });

export const CadreImportTemplateFileResponse = fileResponse('干部信息导入模板（Excel）', XLSX_MEDIA_TYPE);
export const CadreTemplateExportFileResponse = fileResponse(
  '按导入模板导出的干部信息（Excel）',
  XLSX_MEDIA_TYPE,
);
export const CadreImportReportFileResponse = fileResponse(
  '标出错误单元格的导入文件（Excel）',
  XLSX_MEDIA_TYPE,
);
export const CadreLrmxFileResponse = fileResponse('干部任免审批表（.lrmx）', 'application/xml');
export const CadreApprovalFormFileResponse = fileResponse('干部任免审批表（Word）', DOCX_MEDIA_TYPE);
