import {
  GradeAppealInputSchema,
  GradeAppealListSchema,
  GradeAppealSchema,
  RoundTargetParamsSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service/appeals.ts';

/** 考核等次申诉: a cadre appeals her own published result; each handler is one call into the service. */
export async function appealRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  r.post(
    '/api/assessment/rounds/:id/targets/:targetId/appeal',
    {
      config: { permission: 'assessment.appeal' },
      schema: {
        tags,
        summary: '对本人已公布的考核等次提出申诉（进入复核环节）',
        params: RoundTargetParamsSchema,
        body: GradeAppealInputSchema,
        response: { 200: GradeAppealSchema },
      },
    },
    async (req) => service.appealGrade(req.ctx, req.params.id, req.params.targetId, req.body),
  );

  r.get(
    '/api/assessment/appeals/mine',
    {
      config: { permission: 'assessment.appeal' },
      schema: { tags, summary: '本人的考核等次申诉', response: { 200: GradeAppealListSchema } },
    },
    async (req) => service.ownAppeals(req.ctx),
  );
}
