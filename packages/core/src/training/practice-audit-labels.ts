import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what training's stations and practice postings write. */
export const PRACTICE_AUDIT: {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, AuditLabel>;
} = {
  actions: {
    'practice.create': { zh: '选派实战历练', en: 'Post cadre to practice' },
    'practice.update': { zh: '修改实战历练', en: 'Change practice posting' },
    'practice.outcome': { zh: '登记历练成效', en: 'Record practice outcome' },
    'station.update': { zh: '登记远程教育站点', en: 'Register remote-education station' },
    'station.activity': { zh: '登记站点活动', en: 'Record station activity' },
    'station.round': { zh: '开始站点目标管理考评', en: 'Start station target assessment' },
  },
  routes: {
    'POST /api/training/practice': { zh: '选派实战历练', en: 'Post cadre to practice' },
    'PATCH /api/training/practice/:id': { zh: '修改实战历练或登记成效', en: 'Change practice posting' },
    'POST /api/training/stations': { zh: '新建远程教育站点', en: 'Create remote-education station' },
    'PATCH /api/training/stations/:id': { zh: '登记远程教育站点', en: 'Register remote-education station' },
    'POST /api/training/stations/:id/activities': { zh: '登记站点活动', en: 'Record station activity' },
    'POST /api/training/stations/rounds': {
      zh: '开始站点目标管理考评',
      en: 'Start station target assessment',
    },
  },
  objectTypes: {
    practice_posting: { zh: '实战历练', en: 'Practice posting' },
    station: { zh: '远程教育站点', en: 'Remote-education station' },
  },
  modules: {
    training: { zh: '教育培训', en: 'Training' },
  },
};
