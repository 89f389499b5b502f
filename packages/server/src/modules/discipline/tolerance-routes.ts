import {
  CommitteeCandidateListSchema,
  IdParamSchema,
  ToleranceCaseCreateInputSchema,
  ToleranceCaseDetailSchema,
  ToleranceCaseListQuerySchema,
  ToleranceCaseListSchema,
  ToleranceCaseUpdateInputSchema,
  ToleranceCommitteeInputSchema,
  ToleranceDecisionInputSchema,
  ToleranceFollowupInputSchema,
  ToleranceMeasureInputSchema,
  ToleranceMeasureParamsSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service/tolerance.ts';

/** 容错纠错: application, investigation, committee, decision, measures, follow-ups. */
export async function toleranceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discipline'];
  const apply = { permission: 'tolerance.apply' as const };
  const write = { permission: 'discipline.write' as const };

  r.get(
    '/api/tolerance-cases',
    {
      config: apply,
      schema: {
        tags,
        summary: '容错申请（组织部、纪检联络；申请人看自己的申请；记审计）',
        querystring: ToleranceCaseListQuerySchema,
        response: { 200: ToleranceCaseListSchema },
      },
    },
    async (req) => service.listCases(req.ctx, req.query),
  );

  r.post(
    '/api/tolerance-cases',
    {
      config: apply,
      schema: {
        tags,
        summary: '提出容错申请',
        body: ToleranceCaseCreateInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.createCase(req.ctx, req.body),
  );

  r.get(
    '/api/tolerance-cases/:id',
    {
      config: apply,
      schema: {
        tags,
        summary: '容错申请详情（记审计）',
        params: IdParamSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.getCase(req.ctx, req.params.id),
  );

  r.patch(
    '/api/tolerance-cases/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '容错情形清单与调查核实',
        params: IdParamSchema,
        body: ToleranceCaseUpdateInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.updateCase(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/tolerance-cases/:id/committee/candidates',
    {
      config: write,
      schema: {
        tags,
        summary: '可任联席会议成员的账号（组织部、纪检联络）',
        params: IdParamSchema,
        response: { 200: CommitteeCandidateListSchema },
      },
    },
    async (req) => service.committeeCandidates(req.ctx, req.params.id),
  );

  r.put(
    '/api/tolerance-cases/:id/committee',
    {
      config: write,
      schema: {
        tags,
        summary: '确定联席会议成员',
        params: IdParamSchema,
        body: ToleranceCommitteeInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.setCommittee(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/tolerance-cases/:id/decision',
    {
      config: write,
      schema: {
        tags,
        summary: '联席会议作出容错决定（仅本案联席会议成员）',
        params: IdParamSchema,
        body: ToleranceDecisionInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.decideCase(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/tolerance-cases/:id/measures',
    {
      config: write,
      schema: {
        tags,
        summary: '新增纠错措施',
        params: IdParamSchema,
        body: ToleranceMeasureInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.addMeasure(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/tolerance-cases/:id/measures/:measureId/done',
    {
      config: write,
      schema: {
        tags,
        summary: '纠错措施完成',
        params: ToleranceMeasureParamsSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.completeMeasure(req.ctx, req.params.id, req.params.measureId),
  );

  r.post(
    '/api/tolerance-cases/:id/followups',
    {
      config: write,
      schema: {
        tags,
        summary: '新增回访记录',
        params: IdParamSchema,
        body: ToleranceFollowupInputSchema,
        response: { 200: ToleranceCaseDetailSchema },
      },
    },
    async (req) => service.addFollowup(req.ctx, req.params.id, req.body),
  );
}
