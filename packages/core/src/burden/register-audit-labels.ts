import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what the `registers` part writes: meetings, documents, inspections (督查检查考核), overtime, and their imports. */
export const BURDEN_REGISTER_AUDIT = {
  actions: {
    'burden.meeting.create': { zh: '登记会议', en: 'Register meeting' },
    'burden.meeting.update': { zh: '修改会议登记', en: 'Edit meeting' },
    'burden.meeting.delete': { zh: '删除会议登记', en: 'Delete meeting' },
    'burden.meeting.import': { zh: '导入会议登记簿', en: 'Import meeting register' },
    'burden.document.create': { zh: '登记文件', en: 'Register document' },
    'burden.document.update': { zh: '修改文件登记', en: 'Edit document' },
    'burden.document.delete': { zh: '删除文件登记', en: 'Delete document' },
    'burden.document.import': { zh: '导入文件登记簿', en: 'Import document register' },
    'burden.inspection.create': { zh: '登记督查检查考核事项', en: 'Register inspection item' },
    'burden.inspection.update': { zh: '修改督查检查考核事项登记', en: 'Edit inspection item' },
    'burden.inspection.delete': { zh: '删除督查检查考核事项登记', en: 'Delete inspection item' },
    'burden.inspection.import': { zh: '导入督查检查考核事项登记簿', en: 'Import inspection item register' },
    'burden.overtime.create': { zh: '登记加班', en: 'Register overtime' },
    'burden.overtime.update': { zh: '修改加班登记', en: 'Edit overtime' },
    'burden.overtime.delete': { zh: '删除加班登记', en: 'Delete overtime' },
    'burden.overtime.import': { zh: '导入加班登记簿', en: 'Import overtime register' },
  },
  routes: {
    'POST /api/burden/registers/:register': { zh: '登记减负登记簿事项', en: 'Add a burden register entry' },
    'PUT /api/burden/registers/:register/:id': {
      zh: '修改减负登记簿事项',
      en: 'Edit a burden register entry',
    },
    'DELETE /api/burden/registers/:register/:id': {
      zh: '删除减负登记簿事项',
      en: 'Delete a burden register entry',
    },
    'POST /api/burden/registers/:register/import': { zh: '导入减负登记簿', en: 'Import a burden register' },
    'POST /api/burden/registers/:register/import/report': {
      zh: '减负登记簿导入检查报告',
      en: 'Burden register import report',
    },
  },
  objectTypes: {
    burden_meeting: { zh: '会议登记', en: 'Meeting entry' },
    burden_document: { zh: '文件登记', en: 'Document entry' },
    burden_inspection: { zh: '督查检查考核登记', en: 'Inspection entry' },
    burden_overtime: { zh: '加班登记', en: 'Overtime entry' },
  },
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { burden: { label: { zh: '减负松绑', en: 'Burden reduction' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
