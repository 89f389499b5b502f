import type { AuditLabel } from '../platform/audit-labels.ts';

const CARE: AuditLabel = { zh: '关心关爱', en: 'Care' };

/** How the audit page names what care (leave, hardship aid, families of cadres who died on duty) writes. */
export const CARE_AID_AUDIT: {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
} = {
  actions: {
    'care.leave.record': { zh: '登记休假', en: 'Record leave' },
    'care.leave.delete': { zh: '删除休假记录', en: 'Delete leave record' },
    'care.aid.open': { zh: '帮扶立案', en: 'Open aid case' },
    'care.aid.reveal': { zh: '查看帮扶家属信息', en: 'Reveal aid family details' },
    'care.aid.item': { zh: '落实帮扶事项', en: 'Complete aid checklist item' },
    'care.aid.visit': { zh: '登记走访回访', en: 'Record aid visit' },
    'care.aid.close': { zh: '帮扶结案', en: 'Close aid case' },
  },
  routes: {
    'POST /api/care/leave/records': { zh: '登记休假', en: 'Record leave' },
    'DELETE /api/care/leave/records/:id': { zh: '删除休假记录', en: 'Delete leave record' },
    'POST /api/care/aid/cases': { zh: '帮扶立案', en: 'Open aid case' },
    'POST /api/care/aid/cases/:id/items/:itemId': { zh: '落实帮扶事项', en: 'Complete aid checklist item' },
    'POST /api/care/aid/cases/:id/visits': { zh: '登记走访回访', en: 'Record aid visit' },
    'POST /api/care/aid/cases/:id/close': { zh: '帮扶结案', en: 'Close aid case' },
  },
  objectTypes: {
    care_leave_record: { zh: '休假记录', en: 'Leave record' },
    care_aid_case: { zh: '帮扶事项', en: 'Aid case' },
  },
  modules: { care: { label: CARE, objectType: null } },
};
