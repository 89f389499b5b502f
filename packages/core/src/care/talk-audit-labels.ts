import type { AuditLabel } from '../platform/audit-labels.ts';

const TALK: AuditLabel = { zh: '谈心谈话', en: 'Heart-to-heart talks' };
const CARE: AuditLabel = { zh: '关心关爱', en: 'Care' };

/** How the audit page names what care (talks, two-way appointments) writes; the pairing review is pairing's. */
export const CARE_TALK_AUDIT = {
  actions: {
    'talk.leader.create': { zh: '登记谈话领导', en: 'Add talk leader' },
    'talk.leader.update': { zh: '修改谈话领导或挂钩单位', en: 'Edit talk leader or linked units' },
    'talk.record': { zh: '登记谈心谈话', en: 'Record talk' },
    'talk.content.read': { zh: '查看谈话内容', en: 'Read talk content' },
    'talk.request': { zh: '申请约谈领导', en: 'Request a talk with a leader' },
    'talk.answer': { zh: '答复约谈申请', en: 'Answer talk request' },
    'talk.withdraw': { zh: '撤回约谈申请', en: 'Withdraw talk request' },
  },
  routes: {
    'POST /api/care/talk-leaders': { zh: '登记谈话领导', en: 'Add talk leader' },
    'PATCH /api/care/talk-leaders/:id': {
      zh: '修改谈话领导或挂钩单位',
      en: 'Edit talk leader or linked units',
    },
    'POST /api/care/talks': { zh: '登记谈心谈话', en: 'Record talk' },
    'POST /api/care/talk-requests': { zh: '申请约谈领导', en: 'Request a talk with a leader' },
    'POST /api/care/talk-requests/:id/answer': { zh: '答复约谈申请', en: 'Answer talk request' },
    'POST /api/care/talk-requests/:id/withdraw': { zh: '撤回约谈申请', en: 'Withdraw talk request' },
  },
  objectTypes: {
    talk: TALK,
    talk_leader: { zh: '谈话领导', en: 'Talk leader' },
    talk_request: { zh: '约谈申请', en: 'Talk request' },
  },
  // by the action code's first part (`talk.record`) and the route's first segment (`/api/care/…`)
  modules: {
    talk: { label: TALK, objectType: 'talk' },
    care: { label: CARE, objectType: null },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
