import type { AuditLabel } from '../platform/audit-labels.ts';

const TRAINING: AuditLabel = { zh: '教育培训', en: 'Training' };

/** How the audit page names what training's programmes part writes (programmes, enrolment, attendance, warnings). */
export const TRAINING_AUDIT: {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
} = {
  actions: {
    'training.programme.create': { zh: '新建培训班次', en: 'Create training programme' },
    'training.enrolment.name': { zh: '点名调训', en: 'Name cadres for compulsory training' },
    'training.enrolment.apply': { zh: '培训报名', en: 'Apply for training' },
    'training.enrolment.decide': { zh: '培训录取决定', en: 'Decide training application' },
    'training.enrolment.confirm': { zh: '确认派出调训人员', en: 'Confirm dispatched trainee' },
    'training.enrolment.substitute': { zh: '申请替换调训人员', en: 'Ask to substitute dispatched trainee' },
    'training.enrolment.substitution': { zh: '决定调训人员替换', en: 'Decide trainee substitution' },
    'training.attendance.record': { zh: '记录培训考勤', en: 'Record training attendance' },
    'training.warnings.run': { zh: '发送培训不足提醒', en: 'Send training shortfall warnings' },
  },
  routes: {
    'POST /api/training/programmes': { zh: '新建培训班次', en: 'Create training programme' },
    'POST /api/training/programmes/:id/enrolments': {
      zh: '点名调训或单位报名',
      en: 'Name or apply cadres for training',
    },
    'POST /api/training/programmes/:id/apply': { zh: '本人报名培训', en: 'Apply for training' },
    'POST /api/training/programmes/:id/attendance': { zh: '记录培训考勤', en: 'Record training attendance' },
    'POST /api/training/enrolments/:id/decide': { zh: '培训录取决定', en: 'Decide training application' },
    'POST /api/training/enrolments/:id/confirm': { zh: '确认派出调训人员', en: 'Confirm dispatched trainee' },
    'POST /api/training/enrolments/:id/substitute': {
      zh: '申请替换调训人员',
      en: 'Ask to substitute dispatched trainee',
    },
    'POST /api/training/enrolments/:id/substitution': {
      zh: '决定调训人员替换',
      en: 'Decide trainee substitution',
    },
    'POST /api/training/warnings': { zh: '发送培训不足提醒', en: 'Send training shortfall warnings' },
  },
  objectTypes: {
    training_programme: { zh: '培训班次', en: 'Training programme' },
    training_enrolment: { zh: '培训报名', en: 'Training enrolment' },
    training_warning: { zh: '培训提醒', en: 'Training warning' },
  },
  // by the action code's first part and the route's first segment (shared with stations and practice)
  modules: { training: { label: TRAINING, objectType: 'training_programme' } },
};
