import type { AuditLabel } from '../platform/audit-labels.ts';

const HONOURS: AuditLabel = { zh: '精神激励', en: 'Honours' };

/** How the audit page names what honours writes: commendation batches, nominations, objections, decision. */
export const HONOUR_AUDIT = {
  actions: {
    'honour.batch.create': { zh: '建立表彰批次', en: 'Create commendation batch' },
    'honour.batch.open': { zh: '表彰批次开始推荐', en: 'Open commendation batch for nominations' },
    'honour.batch.cancel': { zh: '取消表彰批次', en: 'Cancel commendation batch' },
    'honour.nomination.create': { zh: '推荐表彰人选', en: 'Nominate for commendation' },
    'honour.nomination.withdraw': { zh: '撤回表彰推荐', en: 'Withdraw commendation nomination' },
    'honour.batch.notice': { zh: '表彰人选提交公示', en: 'Start public notice of commendation' },
    'honour.objection.create': { zh: '登记表彰公示异议', en: 'Record objection to commendation' },
    'honour.objection.resolve': { zh: '处理表彰公示异议', en: 'Resolve objection to commendation' },
    'honour.batch.decide': { zh: '作出表彰决定', en: 'Decide commendation batch' },
    'honour.batch.notice_file': { zh: '生成表彰决定（Word）', en: 'Generate commendation decision (Word)' },
  },
  routes: {
    'POST /api/honours/batches': { zh: '建立表彰批次', en: 'Create commendation batch' },
    'POST /api/honours/batches/:id/open': {
      zh: '表彰批次开始推荐',
      en: 'Open commendation batch for nominations',
    },
    'POST /api/honours/batches/:id/cancel': { zh: '取消表彰批次', en: 'Cancel commendation batch' },
    'POST /api/honours/batches/:id/nominations': { zh: '推荐表彰人选', en: 'Nominate for commendation' },
    'POST /api/honours/batches/:id/nominations/:nominationId/withdraw': {
      zh: '撤回表彰推荐',
      en: 'Withdraw commendation nomination',
    },
    'POST /api/honours/batches/:id/notice': {
      zh: '表彰人选提交公示',
      en: 'Start public notice of commendation',
    },
    'POST /api/honours/batches/:id/objections': {
      zh: '登记表彰公示异议',
      en: 'Record objection to commendation',
    },
    'POST /api/honours/batches/:id/objections/:objectionId/resolve': {
      zh: '处理表彰公示异议',
      en: 'Resolve objection to commendation',
    },
    'POST /api/honours/batches/:id/decide': { zh: '作出表彰决定', en: 'Decide commendation batch' },
  },
  objectTypes: { honour_batch: { zh: '表彰批次', en: 'Commendation batch' } },
  // by the action code's first part (`honour.batch.create`) and the route's first segment (`/api/honours`)
  modules: {
    honour: { label: HONOURS, objectType: 'honour_batch' },
    honours: { label: HONOURS, objectType: 'honour_batch' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
