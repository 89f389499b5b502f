import { definePermissions } from './define.ts';

/**
 * 教育培训 (issue 15): 组织部 runs programmes (dates, dispatch lists, attendance, credit), practice postings and
 * the stations' assessment; a unit administrator enrols and dispatches its people, keeps its stations and
 * reads its compliance; leaders read; a cadre sees their own training and applies to open programmes.
 */
export const TRAINING_PERMISSIONS = definePermissions({
  'training.read': ['orgdept', 'unit_admin', 'leader'],
  'training.manage': ['orgdept'],
  'training.enrol': ['orgdept', 'unit_admin'],
  'training.mine': ['cadre'],
  'station.manage': ['orgdept', 'unit_admin'],
  'practice.manage': ['orgdept'],
});
