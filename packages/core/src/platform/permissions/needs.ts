import { definePermissions } from './define.ts';

/**
 * 精准激励 (issue 16): 组织部 runs the needs survey (issues the one-time codes, closes it); 组织部 and leaders
 * read the results by group (only groups of the pack's minimum size) and the recommended incentive mix.
 * Answering needs no account: a respondent uses a one-time code as a rater does.
 */
export const NEEDS_PERMISSIONS = definePermissions({
  'survey.read': ['orgdept', 'leader'],
  'survey.manage': ['orgdept'],
});
