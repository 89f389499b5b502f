import {
  annualAssessmentText,
  chinaToday,
  CadreApprovalFormFileResponse,
  CadreLrmxFileResponse,
  DOCX_MEDIA_TYPE,
  compareRecords,
  CadreRecordInputSchema,
  IdParamSchema,
  LrmxCompareResultSchema,
  UPLOAD_MEDIA_TYPES,
  UploadFilesSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment } from '../../platform/spool.ts';
import { publishedAnnualResults } from './annual-results.ts';
import { approvalFormDocx } from './approval-form.ts';
import { exportLrmx, recordFromPerson } from './import-lrmx.ts';
import { readLrm, readLrmx } from '@ganbu/core';
import { AppError } from '../../platform/errors.ts';
import * as repo from './repository.ts';
import { readRecord } from './service.ts';
import { idNumberIndex } from './sensitive.ts';
import { uploadedFiles } from './upload-files.ts';

/** 任免审批表 out of the registry (.lrmx, .docx) and an approval form compared with the registry. */
export async function cadreFormRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];

  r.get(
    '/api/cadres/:id/lrmx',
    {
      config: { permission: 'cadre.sensitive' },
      schema: {
        tags,
        summary: '导出干部任免审批表（.lrmx，含身份证号明文，记审计）',
        params: IdParamSchema,
        response: { 200: CadreLrmxFileResponse },
      },
    },
    async (req, reply) => {
      const { name, bytes } = await exportLrmx(req.ctx, app.cipher, req.params.id);
      await req.ctx.audit({ action: 'cadre.export.lrmx', objectType: 'cadre', objectId: req.params.id });
      void reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', attachment(`${name}.lrmx`));
      return Buffer.from(bytes);
    },
  );

  r.get(
    '/api/cadres/:id/approval-form.docx',
    {
      config: { permission: 'cadre.sensitive' },
      schema: {
        tags,
        summary: '干部任免审批表（Word，A4 两页，记审计）',
        params: IdParamSchema,
        response: { 200: CadreApprovalFormFileResponse },
      },
    },
    async (req, reply) => {
      const { record, orgName } = await readRecord(req.ctx, app.cipher, req.params.id);
      const photo = await repo.findPhoto(req.ctx.client, req.params.id);
      // 年度考核结果: the written text and the published annual grades it does not mention (R-ASM-6)
      const published = await publishedAnnualResults(req.ctx.client, req.params.id);
      const docx = await approvalFormDocx({
        record: { ...record, annualAssessment: annualAssessmentText(record.annualAssessment, published) },
        orgName,
        photo,
        asOf: chinaToday(req.ctx.now),
      });
      await req.ctx.audit({
        action: 'cadre.export.approval_form',
        objectType: 'cadre',
        objectId: req.params.id,
      });
      void reply
        .header('content-type', DOCX_MEDIA_TYPE)
        .header('content-disposition', attachment(`干部任免审批表-${record.name}.docx`));
      return docx;
    },
  );

  r.post(
    '/api/cadres/import/lrmx/compare',
    {
      config: { permission: 'cadre.sensitive' },
      schema: {
        tags,
        summary: '任免审批表与信息库逐项比对（不写入）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        response: { 200: LrmxCompareResultSchema },
      },
    },
    async (req) => {
      const files = await uploadedFiles(req);
      const pics = new Map(
        files
          .filter((f) => /\.pic$/i.test(f.name))
          .map((f) => [f.name.replace(/\.[^.]+$/, '').toLowerCase(), f.bytes]),
      );
      const items = [];
      for (const f of files.filter((x) => /\.lrmx?$/i.test(x.name))) {
        const read = /\.lrm$/i.test(f.name)
          ? readLrm(f.bytes, pics.get(f.name.replace(/\.[^.]+$/, '').toLowerCase()))
          : readLrmx(f.bytes);
        if (!read.ok)
          throw new AppError(400, 'VALIDATION', read.message, undefined, {
            errors: [{ file: f.name, field: '', message: read.message }],
          });
        const parsed = CadreRecordInputSchema.safeParse(
          recordFromPerson(read.person, '00000000-0000-0000-0000-000000000000').input,
        );
        if (!parsed.success) {
          throw new AppError(400, 'VALIDATION', '审批表内容不完整', undefined, {
            errors: parsed.error.issues.map((i) => ({
              file: f.name,
              field: i.path.join('.'),
              message: i.message,
            })),
          });
        }
        const incoming = parsed.data;
        const existingId = incoming.idNumber
          ? await repo.findCadreIdByIdNumberHash(req.ctx.client, idNumberIndex(app.cipher, incoming.idNumber))
          : null;
        const registry = existingId ? (await readRecord(req.ctx, app.cipher, existingId)).record : {};
        if (existingId)
          await req.ctx.audit({
            action: 'cadre.reveal',
            objectType: 'cadre',
            objectId: existingId,
            after: { via: 'lrmx.compare' },
          });
        const { orgId: _orgId, ...incomingFields } = incoming;
        items.push({
          file: f.name,
          existingId,
          name: incoming.name,
          incoming: incomingFields,
          differences: compareRecords(registry, incoming),
        });
      }
      return { items };
    },
  );
}
