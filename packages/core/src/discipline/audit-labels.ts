import type { AuditLabel } from '../platform/audit-labels.ts';

const RECORD: AuditLabel = { zh: '从严管理记录', en: 'Strict-management record' };
const FILING: AuditLabel = { zh: '风险报备', en: 'Risk pre-filing' };
const TOLERANCE: AuditLabel = { zh: '容错纠错', en: 'Fault tolerance' };
const CLARIFICATION: AuditLabel = { zh: '澄清正名', en: 'Clarification' };

/**
 * How the audit page names what the discipline module writes. Every read of these records is audited too
 * (SECURITY 12: confidential data), so the reads have labels as well.
 */
export const DISCIPLINE_AUDIT = {
  actions: {
    'discipline.record.create': { zh: '新增从严管理记录', en: 'Create strict-management record' },
    'discipline.record.revoke': { zh: '撤销从严管理记录', en: 'Revoke strict-management record' },
    'discipline.record.read': { zh: '查看从严管理记录', en: 'Read strict-management record' },
    'discipline.records.list': { zh: '查询从严管理记录', en: 'List strict-management records' },
    'discipline.attachment.upload': { zh: '上传从严管理记录附件', en: 'Upload record attachment' },
    'discipline.attachment.download': { zh: '下载从严管理记录附件', en: 'Download record attachment' },
    'risk_filing.create': { zh: '新增改革创新风险报备', en: 'File a reform risk' },
    'risk_filing.list': { zh: '查询风险报备', en: 'List risk filings' },
    'tolerance.case.create': { zh: '提出容错申请', en: 'Apply for fault tolerance' },
    'tolerance.case.update': { zh: '填写容错调查核实', en: 'Edit tolerance investigation' },
    'tolerance.case.committee': { zh: '确定联席会议成员', en: 'Set the joint committee' },
    'tolerance.case.decide': { zh: '作出容错决定', en: 'Decide a tolerance case' },
    'tolerance.case.measure': { zh: '新增纠错措施', en: 'Add a correction measure' },
    'tolerance.case.measure_done': { zh: '纠错措施完成', en: 'Complete a correction measure' },
    'tolerance.case.followup': { zh: '新增容错回访', en: 'Add a follow-up visit' },
    'tolerance.case.read': { zh: '查看容错申请', en: 'Read tolerance case' },
    'tolerance.cases.list': { zh: '查询容错申请', en: 'List tolerance cases' },
    'clarification.create': { zh: '登记问题线索', en: 'Register a report' },
    'clarification.conclude': { zh: '作出核查认定', en: 'Conclude a report' },
    'clarification.notice': { zh: '生成澄清正名通报', en: 'Issue clarification notice' },
    'clarification.accuser': { zh: '登记诬告陷害人及处理', en: 'Record the false accuser' },
    'clarification.read': { zh: '查看问题线索', en: 'Read report' },
    'clarification.list': { zh: '查询问题线索', en: 'List reports' },
  },
  routes: {
    'POST /api/discipline-records': { zh: '新增从严管理记录', en: 'Create strict-management record' },
    'POST /api/discipline-records/:id/revoke': {
      zh: '撤销从严管理记录',
      en: 'Revoke strict-management record',
    },
    'POST /api/discipline-records/:id/attachments': {
      zh: '上传从严管理记录附件',
      en: 'Upload record attachment',
    },
    'POST /api/risk-filings': { zh: '新增改革创新风险报备', en: 'File a reform risk' },
    'POST /api/tolerance-cases': { zh: '提出容错申请', en: 'Apply for fault tolerance' },
    'PATCH /api/tolerance-cases/:id': { zh: '填写容错调查核实', en: 'Edit tolerance investigation' },
    'PUT /api/tolerance-cases/:id/committee': { zh: '确定联席会议成员', en: 'Set the joint committee' },
    'POST /api/tolerance-cases/:id/decision': { zh: '作出容错决定', en: 'Decide a tolerance case' },
    'POST /api/tolerance-cases/:id/measures': { zh: '新增纠错措施', en: 'Add a correction measure' },
    'POST /api/tolerance-cases/:id/measures/:measureId/done': {
      zh: '纠错措施完成',
      en: 'Complete a correction measure',
    },
    'POST /api/tolerance-cases/:id/followups': { zh: '新增容错回访', en: 'Add a follow-up visit' },
    'POST /api/clarifications': { zh: '登记问题线索', en: 'Register a report' },
    'POST /api/clarifications/:id/conclusion': { zh: '作出核查认定', en: 'Conclude a report' },
    'PUT /api/clarifications/:id/accuser': { zh: '登记诬告陷害人及处理', en: 'Record the false accuser' },
  },
  objectTypes: {
    discipline_record: RECORD,
    risk_filing: FILING,
    tolerance_case: TOLERANCE,
    clarification: CLARIFICATION,
  },
  // by the action code's first part and the route's first segment
  modules: {
    discipline: { label: RECORD, objectType: 'discipline_record' },
    'discipline-records': { label: RECORD, objectType: 'discipline_record' },
    'discipline-kinds': { label: RECORD, objectType: 'discipline_record' },
    risk_filing: { label: FILING, objectType: 'risk_filing' },
    'risk-filings': { label: FILING, objectType: 'risk_filing' },
    tolerance: { label: TOLERANCE, objectType: 'tolerance_case' },
    'tolerance-cases': { label: TOLERANCE, objectType: 'tolerance_case' },
    clarification: { label: CLARIFICATION, objectType: 'clarification' },
    clarifications: { label: CLARIFICATION, objectType: 'clarification' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
