import { z } from 'zod';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The bytes of a file: a download (the server answers with a Buffer or a stream, which Fastify sends as
 * is, never through this schema) or a raw request body (e.g. a photo, checked by content in the route).
 * The OpenAPI document shows `{type: string, format: binary}`.
 */
export const FileBytesSchema = z.custom<unknown>(() => true).meta({ type: 'string', format: 'binary' });

/**
 * A multipart upload (`multipart/form-data`) of one or more files in `file` parts. The server reads the
 * parts as a stream (size-limited) rather than through this schema, which only documents the body.
 */
export const UploadFilesSchema = z
  .custom<unknown>(() => true)
  .meta({
    type: 'object',
    properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } },
  });
export const UPLOAD_MEDIA_TYPES = ['multipart/form-data'];

/**
 * The 2xx response of a file download, for a route's `response` map: one binary body per media type
 * the route may send (fastify-type-provider-zod documents each under `content`).
 */
export function fileResponse(description: string, ...mediaTypes: [string, ...string[]]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: FileBytesSchema }])),
  };
}

/** A 204 answer: no body, documented without content. */
export const NoContentSchema = z.undefined();

/** A 述职报告 file is a PDF or a Word document (.docx), decided by its content. */
export const REPORT_FILE_MEDIA_TYPES = ['application/pdf', DOCX_MEDIA_TYPE] as const;

/** The 述职报告 file of a target (downloaded by officers and, with a slip, by raters). */
export const ReportFileResponse = fileResponse('述职报告文件（PDF 或 Word）', ...REPORT_FILE_MEDIA_TYPES);

/** The results of a round as an Excel workbook. */
export const ResultsWorkbookResponse = fileResponse('考核结果（Excel 工作簿）', XLSX_MEDIA_TYPE);
