import { definePermissions } from './define.ts';

export const ASSESSMENT_PERMISSIONS = definePermissions({
  /** read policy packs, rounds and results in scope (results only once published, unless organiser) */
  'assessment.read': ['orgdept', 'unit_admin', 'leader', 'cadre'],
  /** create and run assessment rounds: tokens, transitions, review, publish */
  'assessment.manage': ['orgdept', 'unit_admin'],
  /** appeal one's own published result (考核等次申诉) */
  'assessment.appeal': ['cadre'],
  /** choose, clone and edit policy packs */
  'pack.write': ['orgdept'],
});
