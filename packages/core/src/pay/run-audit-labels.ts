import type { AuditLabel } from '../platform/audit-labels.ts';

const PAY: AuditLabel = { zh: '经济激励', en: 'Pay' };
const RUN: AuditLabel = { zh: '经济激励核算', en: 'Pay run' };

/**
 * How the audit page names what the pay runs write and read. Lines are personal amounts: every read of
 * them (the list, the export, 我的待遇) is audited and labelled too.
 */
export const PAY_RUN_AUDIT = {
  actions: {
    'pay.run.create': { zh: '新建经济激励核算', en: 'Create pay run' },
    'pay.run.compute': { zh: '计算经济激励核算', en: 'Compute pay run' },
    'pay.run.lines': { zh: '查看核算明细', en: 'Read pay run lines' },
    'pay.run.export': { zh: '导出核算明细', en: 'Export pay run lines' },
    'pay.run.what_if': { zh: '按其他政策版本测算', en: 'What-if under another pack version' },
    'pay.run.submit': { zh: '报送核算审批', en: 'Submit pay run for approval' },
    'pay.run.state': { zh: '核算审批状态变更', en: 'Pay run approval state changed' },
    'pay.run.paid': { zh: '标记核算已发放', en: 'Mark pay run paid' },
    'pay.mine': { zh: '查看本人待遇', en: 'Read own pay' },
  },
  routes: {
    'POST /api/pay/runs': { zh: '新建经济激励核算', en: 'Create pay run' },
    'POST /api/pay/runs/:id/compute': { zh: '计算经济激励核算', en: 'Compute pay run' },
    'POST /api/pay/runs/:id/what-if': { zh: '按其他政策版本测算', en: 'What-if under another pack version' },
    'POST /api/pay/runs/:id/submit': { zh: '报送核算审批', en: 'Submit pay run for approval' },
    'POST /api/pay/runs/:id/paid': { zh: '标记核算已发放', en: 'Mark pay run paid' },
  },
  objectTypes: { pay_run: RUN },
  // by the action code's first part and the route's first segment
  modules: { pay: { label: PAY, objectType: 'pay_run' } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
