import { definePermissions } from './define.ts';

/**
 * 经济激励 (issue 13): 组织部 creates, computes and submits runs and keeps the district's pay tables; a unit
 * administrator reads its unit's lines (row-level security) and creates runs for its unit (a street's reward
 * pool); 领导 reads and approves through the case; a cadre reads their own lines of approved runs.
 */
export const PAY_PERMISSIONS = definePermissions({
  'pay.read': ['orgdept', 'unit_admin', 'leader'],
  'pay.manage': ['orgdept', 'unit_admin'],
  'pay.tables': ['orgdept'],
  'pay.mine': ['cadre'],
});
