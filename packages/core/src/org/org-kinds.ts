/** Kinds of unit in the org tree (R-ORG-1). */
export const ORG_KINDS = [
  'district', // 区/县
  'department', // 区直部门
  'street', // 街道
  'township', // 乡镇
  'village', // 村
  'community', // 社区
  'station', // 站点 (e.g. 远程教育站点)
  'enterprise', // 企业
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Which kinds may sit under which. */
const ALLOWED_PARENTS: Record<OrgKind, readonly OrgKind[]> = {
  district: [],
  department: ['district', 'department'],
  street: ['district'],
  township: ['district'],
  village: ['township', 'street'],
  community: ['street', 'township'],
  station: ['district', 'department', 'street', 'township', 'village', 'community'],
  enterprise: ['district', 'street', 'township'],
};

export function canBeChildOf(kind: OrgKind, parentKind: OrgKind | null): boolean {
  if (parentKind === null) return kind === 'district';
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** Establishment (编制) kinds; the quota of a unit is a count per kind. */
export const ESTABLISHMENT_KINDS = [
  'administrative', // 行政编制
  'institution', // 事业编制
  'village_post', // 村(社区)干部职数
] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

/**
 * ltree labels allow [A-Za-z0-9_]; a unit's label is its stable code,
 * so renames never touch paths and moves rewrite only the prefix.
 */
export function isValidOrgCode(code: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(code);
}

/** The new path of a node under `newParentPath` when the subtree rooted at `oldRoot` moves. */
export function movedPath(path: string, oldRootPath: string, newParentPath: string): string {
  if (path !== oldRootPath && !path.startsWith(oldRootPath + '.')) {
    throw new Error('path is not inside the moved subtree');
  }
  const rootLabel = oldRootPath.split('.').pop() as string;
  return newParentPath + '.' + rootLabel + path.slice(oldRootPath.length);
}

/** A move is a cycle when the new parent lies inside the subtree being moved. */
export function moveCreatesCycle(subtreeRootPath: string, newParentPath: string): boolean {
  return newParentPath === subtreeRootPath || newParentPath.startsWith(subtreeRootPath + '.');
}
