import type { AuditLabel } from '../platform/audit-labels.ts';

const PAIRING: AuditLabel = { zh: '结对帮扶', en: 'Mentoring' };

/** How the audit page names what the pairing module writes: its actions, routes, object type, module. */
export const PAIRING_AUDIT = {
  actions: {
    'pairing.create': { zh: '新增结对帮扶', en: 'Create mentoring pair' },
    'pairing.update': { zh: '修改或结束结对帮扶', en: 'Edit or end mentoring pair' },
    'pairing.note': { zh: '添加帮扶记录', en: 'Add mentoring note' },
    'pairing.review': { zh: '登记结对帮扶年度评议', en: 'Record mentoring yearly review' },
  },
  routes: {
    'POST /api/pairings': { zh: '新增结对帮扶', en: 'Create mentoring pair' },
    'PATCH /api/pairings/:id': { zh: '修改或结束结对帮扶', en: 'Edit or end mentoring pair' },
    'POST /api/pairings/:id/notes': { zh: '添加帮扶记录', en: 'Add mentoring note' },
    'POST /api/pairings/:id/reviews': { zh: '登记结对帮扶年度评议', en: 'Record mentoring yearly review' },
  },
  objectTypes: { pairing: PAIRING },
  // by the action code's first part (`pairing.create`) and the route's first segment (`/api/pairings`)
  modules: {
    pairing: { label: PAIRING, objectType: 'pairing' },
    pairings: { label: PAIRING, objectType: 'pairing' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
