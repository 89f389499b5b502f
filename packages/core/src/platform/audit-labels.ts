import { DISCIPLINE_AUDIT } from '../discipline/audit-labels.ts';
import { CALENDAR_AUDIT } from '../calendar/audit-labels.ts';
import { ELIGIBILITY_AUDIT } from '../eligibility/audit-labels.ts';
import { PAIRING_AUDIT } from '../pairing/audit-labels.ts';
import { PAY_RUN_AUDIT } from '../pay/run-audit-labels.ts';
import { SELECTION_PROCESS_AUDIT } from '../selection/process-audit-labels.ts';
import { POOL_AUDIT } from '../selection/pool-audit-labels.ts';
import { SELECTION_AFTER_AUDIT } from '../selection/after-audit-labels.ts';
import { WORKFLOW_AUDIT } from '../workflow/audit-labels.ts';
import { INDICATOR_AUDIT } from '../selection/indicator-audit-labels.ts';
import { HONOUR_AUDIT } from '../honours/audit-labels.ts';
import { TRAINING_AUDIT } from '../training/programme-audit-labels.ts';
import { PRACTICE_AUDIT } from '../training/practice-audit-labels.ts';
import { CARE_HEALTH_AUDIT } from '../care/health-audit-labels.ts';
import { CARE_TALK_AUDIT } from '../care/talk-audit-labels.ts';
import { CARE_AID_AUDIT } from '../care/aid-audit-labels.ts';
import { BURDEN_STAFFING_AUDIT } from '../burden/staffing-audit-labels.ts';
import { BURDEN_REGISTER_AUDIT } from '../burden/register-audit-labels.ts';
import { NEEDS_AUDIT } from '../needs/audit-labels.ts';
import { DASHBOARD_AUDIT } from './dashboard-audit-labels.ts';
import type { Role } from './roles.ts';

/**
 * Readable names for what the audit log stores as codes: actions (`auth.login`), the route of a request
 * audited by the platform (`POST /api/users` — a refused mutation, or one whose handler wrote no row of
 * its own) and object types. One table for the audit page (both languages) and the Excel export (Chinese).
 * A server test checks that every action the server writes and every mutating route has a label here;
 * an action or route without one still reads as module and code (auditActionLabel).
 */
export type AuditLocale = 'zh' | 'en';
export interface AuditLabel {
  zh: string;
  en: string;
}

export const AUDIT_ACTION_LABELS: Readonly<Record<string, AuditLabel>> = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.password.change': { zh: '修改本人密码', en: 'Change own password' },
  'auth.totp.start': { zh: '开始绑定动态口令', en: 'Start TOTP enrolment' },
  'auth.totp.enrol': { zh: '绑定动态口令', en: 'Enrol TOTP' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Edit user' },
  'user.roles': { zh: '授予角色与数据范围', en: 'Grant roles and data scope' },
  'user.password.reset': { zh: '重置密码', en: 'Reset password' },
  'user.unlock': { zh: '解除锁定', en: 'Unlock account' },
  'org.create': { zh: '新增单位', en: 'Create unit' },
  'org.update': { zh: '修改单位', en: 'Edit unit' },
  'org.move': { zh: '移动单位', en: 'Move unit' },
  'org.activate': { zh: '启用单位', en: 'Activate unit' },
  'org.deactivate': { zh: '停用单位', en: 'Deactivate unit' },
  'settings.security': { zh: '修改安全策略', en: 'Change security policy' },
  'audit.export': { zh: '导出审计日志', en: 'Export audit log' },
  'cadre.reveal': { zh: '查看干部敏感信息明文', en: 'View sensitive cadre data in clear' },
  'cadre.correction.encrypt': {
    zh: '加密升级前明文保存的更正申请',
    en: 'Encrypt correction requests stored in clear before the upgrade',
  },
  'cadre.create': { zh: '新增干部', en: 'Create cadre' },
  'cadre.update': { zh: '修改干部信息', en: 'Edit cadre' },
  'cadre.photo': { zh: '上传干部照片', en: 'Upload cadre photo' },
  'cadre.import.xlsx': { zh: '导入干部信息（Excel）', en: 'Import cadres (Excel)' },
  'cadre.import.lrmx': { zh: '导入干部任免审批表', en: 'Import approval forms (LRMX)' },
  'cadre.export': { zh: '导出干部名册', en: 'Export cadre roster' },
  'cadre.export.template': { zh: '按导入模板导出干部信息', en: 'Export cadres as import template' },
  'cadre.export.lrmx': { zh: '导出干部任免审批表（LRMX）', en: 'Export approval form (LRMX)' },
  'cadre.export.approval_form': { zh: '导出干部任免审批表（Word）', en: 'Export approval form (Word)' },
  'cadre.correction.request': { zh: '申请更正本人信息', en: 'Request a correction' },
  'cadre.correction.decide': { zh: '处理更正申请', en: 'Decide a correction' },
  'pack.select': { zh: '选用政策包', en: 'Select policy pack' },
  'pack.save': { zh: '保存政策包版本', en: 'Save policy pack version' },
  'assessment.round.create': { zh: '新建考核轮次', en: 'Create assessment round' },
  'assessment.round.open': { zh: '开始评议', en: 'Open round for voting' },
  'assessment.round.close': { zh: '结束评议', en: 'Close voting' },
  'assessment.round.reopen': { zh: '延长评议', en: 'Reopen voting' },
  'assessment.round.compute': { zh: '计算考核结果', en: 'Compute results' },
  'assessment.round.computed': { zh: '考核结果计算完成', en: 'Results computed' },
  'assessment.round.publish': { zh: '公布考核结果', en: 'Publish results' },
  'assessment.tokens.issue': { zh: '发放评议票', en: 'Issue ballot slips' },
  'assessment.tokens.revoke': { zh: '作废未使用的评议票', en: 'Revoke unused ballot slips' },
  'assessment.raters.assign': { zh: '指定实名评议人', en: 'Assign named raters' },
  'assessment.waiver': { zh: '评议人数不足豁免', en: 'Waive too few raters' },
  'assessment.waiver.unit': { zh: '按单位豁免评议人数不足', en: 'Waive too few raters for a unit' },
  'assessment.grade.override': { zh: '调整考核等次', en: 'Override grade' },
  'assessment.results.export': { zh: '导出考核结果', en: 'Export results' },
  'assessment.ballots.export': { zh: '导出匿名选票', en: 'Export anonymous ballots' },
  'assessment.ballot.cast': { zh: '投票', en: 'Cast ballot' },
  'assessment.report.submit': { zh: '提交述职报告', en: 'Submit work report' },
  'assessment.report.file': { zh: '上传述职报告文件', en: 'Upload work report file' },
  'assessment.report.file.delete': { zh: '删除述职报告文件', en: 'Delete work report file' },
  'demo.seed': { zh: '载入演示数据', en: 'Load demo data' },
  ...PAIRING_AUDIT.actions,
  ...DISCIPLINE_AUDIT.actions,
  ...CALENDAR_AUDIT.actions,
  ...WORKFLOW_AUDIT.actions,
  ...PAY_RUN_AUDIT.actions,
  ...INDICATOR_AUDIT.actions,
  ...SELECTION_PROCESS_AUDIT.actions,
  ...POOL_AUDIT.actions,
  ...ELIGIBILITY_AUDIT.actions,
  ...SELECTION_AFTER_AUDIT.actions,
  ...HONOUR_AUDIT.actions,
  ...TRAINING_AUDIT.actions,
  ...PRACTICE_AUDIT.actions,
  ...CARE_HEALTH_AUDIT.actions,
  ...CARE_TALK_AUDIT.actions,
  ...CARE_AID_AUDIT.actions,
  ...BURDEN_STAFFING_AUDIT.actions,
  ...BURDEN_REGISTER_AUDIT.actions,
  ...NEEDS_AUDIT.actions,
  ...DASHBOARD_AUDIT.actions,
  'pay.tables.save': { zh: '保存薪酬基数表', en: 'Save pay table' },
  'pay.tables.import': { zh: '导入薪酬基数表（Excel）', en: 'Import pay tables (Excel)' },
  'pay.statistics.save': { zh: '保存薪酬统计数据', en: 'Save pay statistic' },
  'request.refused.summary': {
    zh: '未登录请求被拒（每分钟汇总）',
    en: 'Refused requests without a session (per minute)',
  },
};

/** Mutating routes, as the platform audits them: `METHOD /api/path` with the route's parameters. */
export const AUDIT_ROUTE_LABELS: Readonly<Record<string, AuditLabel>> = {
  'POST /api/auth/login': { zh: '登录', en: 'Sign in' },
  'POST /api/auth/logout': { zh: '退出登录', en: 'Sign out' },
  'POST /api/auth/password': { zh: '修改本人密码', en: 'Change own password' },
  'POST /api/auth/totp/start': { zh: '开始绑定动态口令', en: 'Start TOTP enrolment' },
  'POST /api/auth/totp/confirm': { zh: '确认绑定动态口令', en: 'Confirm TOTP enrolment' },
  'POST /api/users': { zh: '新建用户', en: 'Create user' },
  'PATCH /api/users/:id': { zh: '修改用户', en: 'Edit user' },
  'POST /api/users/:id/roles': { zh: '授予角色与数据范围', en: 'Grant roles and data scope' },
  'POST /api/users/:id/reset-password': { zh: '重置密码', en: 'Reset password' },
  'POST /api/users/:id/unlock': { zh: '解除锁定', en: 'Unlock account' },
  'POST /api/orgs': { zh: '新增单位', en: 'Create unit' },
  'PATCH /api/orgs/:id': { zh: '修改单位', en: 'Edit unit' },
  'POST /api/orgs/:id/move': { zh: '移动单位', en: 'Move unit' },
  'POST /api/orgs/:id/deactivate': { zh: '停用单位', en: 'Deactivate unit' },
  'POST /api/orgs/:id/activate': { zh: '启用单位', en: 'Activate unit' },
  'PUT /api/settings/security': { zh: '修改安全策略', en: 'Change security policy' },
  'POST /api/cadres': { zh: '新增干部', en: 'Create cadre' },
  'PUT /api/cadres/:id': { zh: '修改干部信息', en: 'Edit cadre' },
  'PUT /api/cadres/:id/photo': { zh: '上传干部照片', en: 'Upload cadre photo' },
  'POST /api/cadres/import/xlsx': { zh: '导入干部信息（Excel）', en: 'Import cadres (Excel)' },
  'POST /api/cadres/import/xlsx/report': { zh: '生成导入检查报告', en: 'Check an import workbook' },
  'POST /api/cadres/import/lrmx': { zh: '导入干部任免审批表', en: 'Import approval forms (LRMX)' },
  'POST /api/cadres/import/lrmx/compare': {
    zh: '任免审批表与信息库比对',
    en: 'Compare approval forms with the registry',
  },
  'POST /api/cadres/:id/corrections': { zh: '申请更正本人信息', en: 'Request a correction' },
  'POST /api/cadre-corrections/:id/decision': { zh: '处理更正申请', en: 'Decide a correction' },
  'POST /api/packs': { zh: '保存政策包版本', en: 'Save policy pack version' },
  'PUT /api/packs/selected': { zh: '选用政策包', en: 'Select policy pack' },
  'POST /api/assessment/rounds': { zh: '新建考核轮次', en: 'Create assessment round' },
  'POST /api/assessment/rounds/:id/transition': { zh: '考核轮次流转', en: 'Change round state' },
  'POST /api/assessment/rounds/:id/tokens': { zh: '发放评议票', en: 'Issue ballot slips' },
  'POST /api/assessment/rounds/:id/tokens/revoke': {
    zh: '作废未使用的评议票',
    en: 'Revoke unused ballot slips',
  },
  'POST /api/assessment/rounds/:id/raters': { zh: '指定实名评议人', en: 'Assign named raters' },
  'POST /api/assessment/rounds/:id/waivers': { zh: '评议人数不足豁免', en: 'Waive too few raters' },
  'POST /api/assessment/rounds/:id/waivers/unit': {
    zh: '按单位豁免评议人数不足',
    en: 'Waive too few raters for a unit',
  },
  'POST /api/assessment/rounds/:id/grades': { zh: '调整考核等次', en: 'Override grade' },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report': { zh: '提交述职报告', en: 'Submit work report' },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report-file': {
    zh: '上传述职报告文件',
    en: 'Upload work report file',
  },
  'DELETE /api/assessment/rounds/:id/targets/:targetId/report-file': {
    zh: '删除述职报告文件',
    en: 'Delete work report file',
  },
  'POST /api/ballot/:token': { zh: '投票', en: 'Cast ballot' },
  'POST /api/assessment/rounds/:id/targets/:targetId/appeal': {
    zh: '对考核等次提出申诉',
    en: 'Appeal an assessment grade',
  },
  ...PAIRING_AUDIT.routes,
  ...DISCIPLINE_AUDIT.routes,
  ...CALENDAR_AUDIT.routes,
  ...WORKFLOW_AUDIT.routes,
  ...PAY_RUN_AUDIT.routes,
  ...INDICATOR_AUDIT.routes,
  ...SELECTION_PROCESS_AUDIT.routes,
  ...POOL_AUDIT.routes,
  ...SELECTION_AFTER_AUDIT.routes,
  ...HONOUR_AUDIT.routes,
  ...TRAINING_AUDIT.routes,
  ...PRACTICE_AUDIT.routes,
  ...CARE_HEALTH_AUDIT.routes,
  ...CARE_TALK_AUDIT.routes,
  ...CARE_AID_AUDIT.routes,
  ...BURDEN_STAFFING_AUDIT.routes,
  ...BURDEN_REGISTER_AUDIT.routes,
  ...NEEDS_AUDIT.routes,
  ...DASHBOARD_AUDIT.routes,
  'PUT /api/pay/tables': { zh: '保存薪酬基数表', en: 'Save pay table' },
  'POST /api/pay/tables/import': { zh: '导入薪酬基数表（Excel）', en: 'Import pay tables (Excel)' },
  'POST /api/pay/tables/import/report': {
    zh: '生成薪酬基数表导入检查报告',
    en: 'Check a pay table workbook',
  },
  'PUT /api/pay/statistics': { zh: '保存薪酬统计数据', en: 'Save pay statistic' },
};

export const AUDIT_OBJECT_TYPE_LABELS: Readonly<Record<string, AuditLabel>> = {
  user: { zh: '用户', en: 'User' },
  org: { zh: '单位', en: 'Unit' },
  cadre: { zh: '干部', en: 'Cadre' },
  assessment_round: { zh: '考核轮次', en: 'Assessment round' },
  policy_pack: { zh: '政策包', en: 'Policy pack' },
  settings: { zh: '系统设置', en: 'Settings' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  system: { zh: '系统', en: 'System' },
  ballot: { zh: '评议票', en: 'Ballot' },
  request: { zh: '请求', en: 'Request' },
  ...PAIRING_AUDIT.objectTypes,
  ...DISCIPLINE_AUDIT.objectTypes,
  ...CALENDAR_AUDIT.objectTypes,
  ...WORKFLOW_AUDIT.objectTypes,
  ...PAY_RUN_AUDIT.objectTypes,
  ...INDICATOR_AUDIT.objectTypes,
  ...SELECTION_PROCESS_AUDIT.objectTypes,
  ...POOL_AUDIT.objectTypes,
  ...SELECTION_AFTER_AUDIT.objectTypes,
  ...HONOUR_AUDIT.objectTypes,
  ...TRAINING_AUDIT.objectTypes,
  ...PRACTICE_AUDIT.objectTypes,
  ...CARE_HEALTH_AUDIT.objectTypes,
  ...CARE_TALK_AUDIT.objectTypes,
  ...CARE_AID_AUDIT.objectTypes,
  ...BURDEN_STAFFING_AUDIT.objectTypes,
  ...BURDEN_REGISTER_AUDIT.objectTypes,
  ...NEEDS_AUDIT.objectTypes,
  ...DASHBOARD_AUDIT.objectTypes,
  pay_table: { zh: '薪酬基数表', en: 'Pay table' },
  pay_statistic: { zh: '薪酬统计数据', en: 'Pay statistic' },
};

/** Modules by the first part of an action code or the first path segment after /api. */
const MODULES: Readonly<Record<string, { label: AuditLabel; objectType: string | null }>> = {
  auth: { label: { zh: '账号', en: 'Account' }, objectType: 'user' },
  user: { label: { zh: '用户', en: 'Users' }, objectType: 'user' },
  users: { label: { zh: '用户', en: 'Users' }, objectType: 'user' },
  org: { label: { zh: '组织机构', en: 'Units' }, objectType: 'org' },
  orgs: { label: { zh: '组织机构', en: 'Units' }, objectType: 'org' },
  cadre: { label: { zh: '干部信息', en: 'Cadres' }, objectType: 'cadre' },
  cadres: { label: { zh: '干部信息', en: 'Cadres' }, objectType: 'cadre' },
  'cadre-corrections': { label: { zh: '干部信息', en: 'Cadres' }, objectType: 'cadre' },
  assessment: { label: { zh: '考核评价', en: 'Assessment' }, objectType: 'assessment_round' },
  ballot: { label: { zh: '评议票', en: 'Ballots' }, objectType: 'ballot' },
  pack: { label: { zh: '政策包', en: 'Policy packs' }, objectType: 'policy_pack' },
  packs: { label: { zh: '政策包', en: 'Policy packs' }, objectType: 'policy_pack' },
  settings: { label: { zh: '系统设置', en: 'Settings' }, objectType: 'settings' },
  audit: { label: { zh: '审计日志', en: 'Audit log' }, objectType: 'audit_log' },
  demo: { label: { zh: '系统', en: 'System' }, objectType: 'system' },
  request: { label: { zh: '请求', en: 'Requests' }, objectType: 'request' },
  ...PAIRING_AUDIT.modules,
  ...DISCIPLINE_AUDIT.modules,
  ...CALENDAR_AUDIT.modules,
  ...WORKFLOW_AUDIT.modules,
  // 经济激励: one module label; its run object type (the tables' are listed above)
  ...PAY_RUN_AUDIT.modules,
  ...INDICATOR_AUDIT.modules,
  ...SELECTION_PROCESS_AUDIT.modules,
  ...POOL_AUDIT.modules,
  ...ELIGIBILITY_AUDIT.modules,
  ...SELECTION_AFTER_AUDIT.modules,
  ...HONOUR_AUDIT.modules,
  ...TRAINING_AUDIT.modules,
  ...PRACTICE_AUDIT.modules,
  ...CARE_HEALTH_AUDIT.modules,
  ...CARE_TALK_AUDIT.modules,
  ...CARE_AID_AUDIT.modules,
  ...BURDEN_STAFFING_AUDIT.modules,
  ...BURDEN_REGISTER_AUDIT.modules,
  ...NEEDS_AUDIT.modules,
  ...DASHBOARD_AUDIT.modules,
};

const METHODS: Readonly<Record<string, AuditLabel>> = {
  POST: { zh: '提交', en: 'Submit' },
  PUT: { zh: '保存', en: 'Save' },
  PATCH: { zh: '修改', en: 'Edit' },
  DELETE: { zh: '删除', en: 'Delete' },
  GET: { zh: '查询', en: 'Read' },
};

const ROUTE_ACTION = /^([A-Z]+) (\/api\/(\S*))$/;

function moduleOf(action: string) {
  const route = ROUTE_ACTION.exec(action);
  const key = route ? (route[3] ?? '').split('/')[0] : action.split('.')[0];
  return key ? MODULES[key] : undefined;
}

/**
 * The readable name of an audited action. Unknown codes keep the code behind their module's name
 * (`考核评价 · assessment.new.thing`), unknown routes the route behind the method (`提交 POST /api/x`).
 */
export function auditActionLabel(action: string, locale: AuditLocale = 'zh'): string {
  const known = AUDIT_ACTION_LABELS[action] ?? AUDIT_ROUTE_LABELS[action];
  if (known) return known[locale];
  const sep = locale === 'zh' ? ' · ' : ': ';
  const route = ROUTE_ACTION.exec(action);
  if (route) {
    const verb = METHODS[route[1] ?? ''];
    return verb ? `${verb[locale]}${sep}${action}` : action;
  }
  const module = moduleOf(action);
  return module ? `${module.label[locale]}${sep}${action}` : action;
}

/** The readable object type of an entry; a route-audited entry takes its route's module. */
export function auditObjectTypeLabel(
  objectType: string | null,
  action: string,
  locale: AuditLocale = 'zh',
): string | null {
  const type = objectType ?? moduleOf(action)?.objectType ?? null;
  if (type === null) return null;
  return AUDIT_OBJECT_TYPE_LABELS[type]?.[locale] ?? type;
}

/** Role names for the Excel export (the web app names roles through its i18n files). */
export const ROLE_NAMES_ZH: Readonly<Record<Role, string>> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  orgdept: '组织部',
  unit_admin: '单位管理员',
  leader: '领导',
  cadre: '干部',
  discipline: '纪检联络',
};
