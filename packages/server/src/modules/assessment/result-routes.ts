import {
  ResultsWorkbookResponse,
  AssessmentOkSchema,
  BallotExportSchema,
  GradeOverrideInputSchema,
  IdParamSchema,
  ResultsQuerySchema,
  RoundCalibrationSchema,
  RoundResultTargetSchema,
  RoundResultsSchema,
  TargetResultParamsSchema,
  UnitWaiverInputSchema,
  UnitWaiverResultSchema,
  WaiverInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, XLSX_TYPE } from '../../platform/spool.ts';
import {
  ballotExport,
  overrideGrade,
  resultsWorkbook,
  roundCalibration,
  roundResults,
  targetResult,
  waive,
  waiveUnit,
} from './service/results.ts';

/** 考核结果: figures with explanations; the committee's review (waivers, grade changes); the ballot export. */
export async function resultRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  r.get(
    '/api/assessment/rounds/:id/results',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '考核结果（分页；每个数字含计算说明；全轮计数）',
        params: IdParamSchema,
        querystring: ResultsQuerySchema,
        response: { 200: RoundResultsSchema },
      },
    },
    async (req) => roundResults(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/assessment/rounds/:id/results/calibration',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '名额校准：各名额组的名额、调剂与分配（仅组织单位）',
        params: IdParamSchema,
        response: { 200: RoundCalibrationSchema },
      },
    },
    async (req) => roundCalibration(req.ctx, req.params.id),
  );

  r.get(
    '/api/assessment/rounds/:id/results/:targetId',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '一个考核对象的结果与完整计算说明',
        params: TargetResultParamsSchema,
        response: { 200: RoundResultTargetSchema },
      },
    },
    async (req) => targetResult(req.ctx, req.params.id, req.params.targetId),
  );

  r.get(
    '/api/assessment/rounds/:id/results.xlsx',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '导出考核结果（Excel）',
        params: IdParamSchema,
        response: { 200: ResultsWorkbookResponse },
      },
    },
    async (req, reply) => {
      const { roundName, body } = await resultsWorkbook(req.ctx, req.params.id);
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${roundName}-考核结果.xlsx`));
      return body;
    },
  );

  r.post(
    '/api/assessment/rounds/:id/waivers',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '评议人数不足豁免（须说明理由）',
        params: IdParamSchema,
        body: WaiverInputSchema,
        response: { 200: AssessmentOkSchema },
      },
    },
    async (req) => waive(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/assessment/rounds/:id/waivers/unit',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '按单位豁免：某评议组人数不足的本单位（含下级）全部考核对象，一个理由',
        params: IdParamSchema,
        body: UnitWaiverInputSchema,
        response: { 200: UnitWaiverResultSchema },
      },
    },
    async (req) => waiveUnit(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/assessment/rounds/:id/grades',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '考核委员会调整等次（须说明理由，不得超出名额）',
        params: IdParamSchema,
        body: GradeOverrideInputSchema,
        response: { 200: AssessmentOkSchema },
      },
    },
    async (req) => overrideGrade(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/assessment/rounds/:id/ballots.json',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '导出匿名选票（可据此复核计票）',
        params: IdParamSchema,
        response: { 200: BallotExportSchema },
      },
    },
    async (req, reply) => {
      const body = await ballotExport(req.ctx, req.params.id);
      void reply.header('content-disposition', `attachment; filename="ballots-${req.params.id}.json"`);
      return body;
    },
  );
}
