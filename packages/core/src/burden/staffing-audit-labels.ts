import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what the `staffing` part writes: borrowings (借调), establishment and the work list (村(社区)工作事务清单). */
export const BURDEN_STAFFING_AUDIT = {
  actions: {
    'burden.borrowing.request': { zh: '申请借调', en: 'Request a borrowing' },
    'burden.borrowing.return': { zh: '登记借调归还', en: 'Record a borrowing return' },
    'burden.borrowing.export': { zh: '导出借调登记表', en: 'Export the borrowing register' },
    'burden.establishment.export': { zh: '导出专编专用情况表', en: 'Export the establishment report' },
    'burden.worklist.create': { zh: '登记工作事务清单事项', en: 'Add a work-list item' },
    'burden.worklist.update': { zh: '修改工作事务清单事项', en: 'Change a work-list item' },
    'burden.worklist.export': { zh: '导出工作事务清单', en: 'Export the work list' },
    'burden.worklist.import': { zh: '导入工作事务清单', en: 'Import the work list' },
  },
  routes: {
    'POST /api/burden/borrowings': { zh: '申请借调', en: 'Request a borrowing' },
    'POST /api/burden/borrowings/:id/return': { zh: '登记借调归还', en: 'Record a borrowing return' },
    'POST /api/burden/worklist': { zh: '登记工作事务清单事项', en: 'Add a work-list item' },
    'PUT /api/burden/worklist/:id': { zh: '修改工作事务清单事项', en: 'Change a work-list item' },
    'POST /api/burden/worklist/import': { zh: '导入工作事务清单', en: 'Import the work list' },
    'POST /api/burden/worklist/import/report': {
      zh: '工作事务清单导入检查报告',
      en: 'Work-list import check report',
    },
  },
  objectTypes: {
    burden_borrowing: { zh: '借调', en: 'Borrowing' },
    burden_worklist_item: { zh: '工作事务清单事项', en: 'Work-list item' },
  },
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { burden: { label: { zh: '减负松绑', en: 'Burden reduction' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
