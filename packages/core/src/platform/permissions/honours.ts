import { definePermissions } from './define.ts';

/**
 * 精神激励 (issue 15): units nominate for commendation batches in their scope, 组织部 runs the batch (quota,
 * 公示, decision); leaders read; every business user of the district sees the hero board (英雄榜).
 */
export const HONOUR_PERMISSIONS = definePermissions({
  'honour.read': ['orgdept', 'unit_admin', 'leader'],
  'honour.nominate': ['orgdept', 'unit_admin'],
  'honour.decide': ['orgdept'],
  'honour.board': ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
});
