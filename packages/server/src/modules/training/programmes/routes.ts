import {
  ApplySchema,
  AttendanceInputSchema,
  AttendanceListSchema,
  AttendanceResultSchema,
  ComplianceQuerySchema,
  ComplianceReportSchema,
  EnrolmentConfirmSchema,
  EnrolmentDecisionSchema,
  EnrolmentListQuerySchema,
  EnrolmentListSchema,
  EnrolmentSchema,
  EnrolmentsAddResultSchema,
  EnrolmentsAddSchema,
  HoldingQuerySchema,
  HoldingReportSchema,
  MyTrainingSchema,
  ProgrammeCreateSchema,
  ProgrammeListQuerySchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  SubstitutionDecisionSchema,
  SubstitutionRequestSchema,
  TrainingIdParamSchema,
  TrainingPolicyViewSchema,
  TrainingRecordQuerySchema,
  TrainingRecordSchema,
  WarningsResultSchema,
  WarningsRunSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 培训班次, 报名与调训, 考勤学时, 达标情况与提醒, 办班计划 (R-TRN-1/2): each handler is one call into the service. */
export async function programmeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];
  const read = { permission: 'training.read' } as const;
  const manage = { permission: 'training.manage' } as const;
  const enrol = { permission: 'training.enrol' } as const;
  const mine = { permission: 'training.mine' } as const;

  r.get(
    '/api/training/policy',
    {
      config: read,
      schema: {
        tags,
        summary: '政策包中的培训类别、学时折算、年度培训要求与办班计划',
        response: { 200: TrainingPolicyViewSchema },
      },
    },
    async (req) => service.getPolicy(req.ctx),
  );

  r.get(
    '/api/training/programmes',
    {
      config: read,
      schema: {
        tags,
        summary: '培训班次（主办单位在数据范围内或为上级单位）',
        querystring: ProgrammeListQuerySchema,
        response: { 200: ProgrammeListSchema },
      },
    },
    async (req) => service.listProgrammes(req.ctx, req.query),
  );

  r.post(
    '/api/training/programmes',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建培训班次（天数或学时、培训对象、报名方式、课次）',
        body: ProgrammeCreateSchema,
        response: { 200: ProgrammeSchema },
      },
    },
    async (req) => service.createProgramme(req.ctx, req.body),
  );

  r.get(
    '/api/training/programmes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '培训班次详情',
        params: TrainingIdParamSchema,
        response: { 200: ProgrammeSchema },
      },
    },
    async (req) => service.getProgramme(req.ctx, req.params.id),
  );

  r.post(
    '/api/training/programmes/:id/enrolments',
    {
      config: enrol,
      schema: {
        tags,
        summary: '点名调训（主办单位确定名单）或单位为干部报名',
        params: TrainingIdParamSchema,
        body: EnrolmentsAddSchema,
        response: { 200: EnrolmentsAddResultSchema },
      },
    },
    async (req) => service.addEnrolments(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/training/programmes/:id/apply',
    {
      config: mine,
      schema: {
        tags,
        summary: '本人报名参加培训班',
        params: TrainingIdParamSchema,
        body: ApplySchema,
        response: { 200: EnrolmentSchema },
      },
    },
    async (req) => service.apply(req.ctx, req.params.id, req.body.note ?? ''),
  );

  r.post(
    '/api/training/programmes/:id/attendance',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录考勤与学时（按课次或全班）',
        params: TrainingIdParamSchema,
        body: AttendanceInputSchema,
        response: { 200: AttendanceResultSchema },
      },
    },
    async (req) => service.recordAttendance(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/training/programmes/:id/attendance',
    {
      config: read,
      schema: {
        tags,
        summary: '培训班已记录的考勤（各课次与全班）',
        params: TrainingIdParamSchema,
        response: { 200: AttendanceListSchema },
      },
    },
    async (req) => service.listAttendance(req.ctx, req.params.id),
  );

  r.get(
    '/api/training/enrolments',
    {
      config: read,
      schema: {
        tags,
        summary: '培训报名与调训名单（mustSend：单位须派人员）',
        querystring: EnrolmentListQuerySchema,
        response: { 200: EnrolmentListSchema },
      },
    },
    async (req) => service.listEnrolments(req.ctx, req.query),
  );

  r.post(
    '/api/training/enrolments/:id/decide',
    {
      config: manage,
      schema: {
        tags,
        summary: '录取或不录取（竞争性选调须写明排名和理由）',
        params: TrainingIdParamSchema,
        body: EnrolmentDecisionSchema,
        response: { 200: EnrolmentSchema },
      },
    },
    async (req) => service.decide(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/training/enrolments/:id/confirm',
    {
      config: enrol,
      schema: {
        tags,
        summary: '单位确认派出点名调训人员',
        params: TrainingIdParamSchema,
        body: EnrolmentConfirmSchema,
        response: { 200: EnrolmentSchema },
      },
    },
    async (req) => service.confirm(req.ctx, req.params.id),
  );

  r.post(
    '/api/training/enrolments/:id/substitute',
    {
      config: enrol,
      schema: {
        tags,
        summary: '单位申请替换点名调训人员（写明理由）',
        params: TrainingIdParamSchema,
        body: SubstitutionRequestSchema,
        response: { 200: EnrolmentSchema },
      },
    },
    async (req) => service.requestSubstitution(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/training/enrolments/:id/substitution',
    {
      config: manage,
      schema: {
        tags,
        summary: '主办单位决定替换申请',
        params: TrainingIdParamSchema,
        body: SubstitutionDecisionSchema,
        response: { 200: EnrolmentSchema },
      },
    },
    async (req) => service.decideSubstitution(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/training/compliance',
    {
      config: read,
      schema: {
        tags,
        summary: '培训达标情况（每名干部的天数、要求、差额，各单位汇总）',
        querystring: ComplianceQuerySchema,
        response: { 200: ComplianceReportSchema },
      },
    },
    async (req) => service.compliance(req.ctx, req.query),
  );

  r.get(
    '/api/training/cadres/:id/record',
    {
      config: read,
      schema: {
        tags,
        summary: '干部年度培训记录与达标情况',
        params: TrainingIdParamSchema,
        querystring: TrainingRecordQuerySchema,
        response: { 200: TrainingRecordSchema },
      },
    },
    async (req) => service.cadreRecord(req.ctx, req.params.id, req.query.year),
  );

  r.get(
    '/api/training/mine',
    {
      config: mine,
      schema: {
        tags,
        summary: '我的培训（年度记录、报名与调训、可报名的培训班）',
        querystring: TrainingRecordQuerySchema,
        response: { 200: MyTrainingSchema },
      },
    },
    async (req) => service.mine(req.ctx, req.query.year),
  );

  r.get(
    '/api/training/holding',
    {
      config: read,
      schema: {
        tags,
        summary: '办班计划完成情况（按政策包的办班要求）',
        querystring: HoldingQuerySchema,
        response: { 200: HoldingReportSchema },
      },
    },
    async (req) => service.holding(req.ctx, req.query.year),
  );

  r.post(
    '/api/training/warnings',
    {
      config: manage,
      schema: {
        tags,
        summary: '发送培训不足提醒（干部本人与单位，已发过的不重复）',
        body: WarningsRunSchema,
        response: { 200: WarningsResultSchema },
      },
    },
    async (req) => service.runWarnings(req.ctx, req.body),
  );
}
