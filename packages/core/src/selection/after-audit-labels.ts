import type { AuditLabel } from '../platform/audit-labels.ts';

const SELECTION: AuditLabel = { zh: '选拔任用', en: 'Selection' };

/** How the audit page names what `after/` writes: post-appointment reviews, unfit measures, exchanges. */
export const SELECTION_AFTER_AUDIT = {
  actions: {
    'selection.post_review.create': { zh: '登记任后评估', en: 'Schedule post-appointment review' },
    'selection.post_review.start': { zh: '开始任后评估', en: 'Start post-appointment review' },
    'selection.post_review.decide': { zh: '记录任后评估结论', en: 'Record post-appointment review outcome' },
    'selection.unfit_measure.open': { zh: '确定不胜任干部调整措施', en: 'Open measure for unfit cadre' },
    'selection.unfit_measure.close': { zh: '记录调整措施结果', en: 'Close measure for unfit cadre' },
    'selection.exchange.create': { zh: '派出交流挂职干部', en: 'Post cadre on exchange or secondment' },
    'selection.exchange.end': { zh: '结束交流挂职', en: 'End exchange or secondment' },
  },
  routes: {
    'POST /api/selection/post-reviews': { zh: '登记任后评估', en: 'Schedule post-appointment review' },
    'POST /api/selection/post-reviews/:id/start': { zh: '开始任后评估', en: 'Start post-appointment review' },
    'POST /api/selection/post-reviews/:id/outcome': {
      zh: '记录任后评估结论',
      en: 'Record post-appointment review outcome',
    },
    'POST /api/selection/unfit-measures': {
      zh: '确定不胜任干部调整措施',
      en: 'Open measure for unfit cadre',
    },
    'POST /api/selection/unfit-measures/:id/close': {
      zh: '记录调整措施结果',
      en: 'Close measure for unfit cadre',
    },
    'POST /api/selection/exchanges': {
      zh: '批量派出交流挂职干部',
      en: 'Post a batch on exchange or secondment',
    },
    'POST /api/selection/exchanges/:id/end': { zh: '结束交流挂职', en: 'End exchange or secondment' },
  },
  objectTypes: {
    selection_post_review: { zh: '任后评估', en: 'Post-appointment review' },
    selection_unfit_measure: { zh: '不胜任干部措施', en: 'Measure for unfit cadre' },
    selection_exchange: { zh: '交流挂职', en: 'Exchange or secondment' },
  },
  // by the action code's first part and the route's first segment (shared with the other selection parts)
  modules: { selection: { label: SELECTION, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
