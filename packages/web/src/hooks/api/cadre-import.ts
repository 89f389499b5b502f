import {
  CadreDetailSchema,
  CadreImportResultSchema,
  CadreRecordInputSchema,
  LrmxCompareResultSchema,
  OkSchema,
  type CadreDetail,
  type CadreImportMode,
  type CadreRecordInput,
  type LrmxCompareItem,
} from '@ganbu/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, http, isApiError } from '../../lib/http.ts';
import { cadreKeys } from './cadres.ts';

export type { LrmxImportError, XlsxImportError } from '@ganbu/core';

/** 新增 only, or 按身份证号更新 existing records. */
export type ImportMode = CadreImportMode;

/** One approval form compared with the registry's record of the same ID number. */
export type CompareItem = LrmxCompareItem;
export type FieldDifference = CompareItem['differences'][number];

export const IMPORT_TEMPLATE_URL = '/api/cadres/import/template.xlsx';

/**
 * The `errors` list of a 400 import answer, read with its contract (`XlsxImportErrorSchema`,
 * `LrmxImportErrorSchema`); empty for other errors.
 */
export function importErrorsOf<S extends z.ZodType>(schema: S, err: unknown): z.output<S>[] {
  if (!isApiError(err) || err.status !== 400) return [];
  const parsed = z.object({ errors: z.array(schema) }).safeParse(err.body);
  return parsed.success ? parsed.data.errors : [];
}

function formOf(files: readonly File[], field = 'file'): FormData {
  const form = new FormData();
  for (const f of files) form.append(field, f, f.name);
  return form;
}

/** Excel import (all or nothing), with upload progress. */
export function useImportXlsx() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      mode,
      onProgress,
    }: {
      file: File;
      mode: ImportMode;
      onProgress?: (p: number) => void;
    }) =>
      api.upload(CadreImportResultSchema, '/api/cadres/import/xlsx', formOf([file]), { mode }, onProgress),
    onSuccess: () => qc.invalidateQueries({ queryKey: cadreKeys.all }),
    meta: { inlineError: true },
  });
}

/** The uploaded workbook with its erroneous cells marked, as a file to save. */
export function useImportReport() {
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) =>
      http.postFormForBlob('/api/cadres/import/xlsx/report', formOf([file]), { mode }),
  });
}

/** 任免审批表 import (.lrmx, .lrm+.pic, .zip; all or nothing) into `orgId`. */
export function useImportLrmx() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, orgId }: { files: File[]; orgId: string }) =>
      api.postForm(CadreImportResultSchema, '/api/cadres/import/lrmx', formOf(files), { orgId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: cadreKeys.all }),
    meta: { inlineError: true },
  });
}

/** Approval forms compared field by field with the registry (nothing is written; audited reveal). */
export function useCompareLrmx() {
  return useMutation({
    mutationFn: (files: File[]) =>
      api.postForm(LrmxCompareResultSchema, '/api/cadres/import/lrmx/compare', formOf(files)),
    meta: { inlineError: true },
  });
}

const INPUT_KEYS = Object.keys(CadreRecordInputSchema.shape) as (keyof CadreRecordInput)[];

/** The record input of a detail: only the fields the input schema knows (no id, orgName, facts, …). */
export function inputOfDetail(detail: CadreDetail): CadreRecordInput {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (key in detail) out[key] = detail[key];
  return out as CadreRecordInput;
}

/**
 * Takes the chosen fields of an approval form into a record: reads the full record in clear
 * (audited), replaces those fields and saves the whole record.
 */
export function useApplyComparison() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, values }: { id: string; values: Record<string, unknown> }) => {
      const detail = await api.get(CadreDetailSchema, `/api/cadres/${encodeURIComponent(id)}`, {
        reveal: true,
      });
      const input: CadreRecordInput = { ...inputOfDetail(detail), ...values };
      await api.put(OkSchema, `/api/cadres/${encodeURIComponent(id)}`, input);
      return { id };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: cadreKeys.all }),
    meta: { inlineError: true },
  });
}
