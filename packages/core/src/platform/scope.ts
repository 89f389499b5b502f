/**
 * Data scope (数据权限) of a user: which org rows and personal rows they may see.
 * all = 全部, subtree = 本单位及下级, unit = 本单位, self = 仅本人.
 */
export const SCOPE_MODES = ['all', 'subtree', 'unit', 'self'] as const;
export type ScopeMode = (typeof SCOPE_MODES)[number];

export interface Scope {
  mode: ScopeMode;
  /** ltree path of the user's own unit. */
  orgPath: string;
  /** the cadre record of the user, for 仅本人. */
  cadreId: string | null;
}

/** Pure mirror of the SQL policy `app_org_visible`, used in tests and the UI. */
export function orgVisible(scope: Scope, rowPath: string): boolean {
  switch (scope.mode) {
    case 'all':
      return true;
    case 'subtree':
      return rowPath === scope.orgPath || rowPath.startsWith(scope.orgPath + '.');
    case 'unit':
    case 'self':
      return rowPath === scope.orgPath;
  }
}
