import type { AuditLabel } from '../platform/audit-labels.ts';

const POOL: AuditLabel = { zh: '人才库', en: 'Cadre pools' };

/** How the audit page names what the pools (后备干部 / 年轻干部库) write. */
export const POOL_AUDIT = {
  actions: {
    'pool.nominate': { zh: '推荐入库（后备干部/年轻干部）', en: 'Nominate to a cadre pool' },
    'pool.leave': { zh: '人才库成员出库', en: 'Remove from a cadre pool' },
    'pool.update': { zh: '修改人才库成员（两委候选人）', en: 'Edit a pool member (committee candidate)' },
    'pool.review': { zh: '登记人才库考核结果', en: 'Record a pool review' },
    'cadre.tag': { zh: '调整干部标签（随人才库）', en: 'Cadre tag changed with pool membership' },
  },
  routes: {
    'POST /api/pools/members': { zh: '推荐入库（后备干部/年轻干部）', en: 'Nominate to a cadre pool' },
    'POST /api/pools/members/:id/leave': { zh: '人才库成员出库', en: 'Remove from a cadre pool' },
    'PATCH /api/pools/members/:id': { zh: '修改人才库成员（两委候选人）', en: 'Edit a pool member' },
    'POST /api/pools/members/:id/reviews/:reviewId': { zh: '登记人才库考核结果', en: 'Record a pool review' },
  },
  objectTypes: { pool_member: { zh: '人才库成员', en: 'Pool member' } },
  modules: {
    pool: { label: POOL, objectType: 'pool_member' },
    pools: { label: POOL, objectType: 'pool_member' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
