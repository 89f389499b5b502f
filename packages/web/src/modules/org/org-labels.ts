import { canBeChildOf, ESTABLISHMENT_KINDS, ORG_KINDS, type Org, type OrgKind } from '@ganbu/core';

export { ESTABLISHMENT_KINDS };

/** Kinds of unit that may be created under `parent`. */
export function childKindsOf(parent: Org): OrgKind[] {
  return ORG_KINDS.filter((k) => canBeChildOf(k, parent.kind));
}

export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  district: 'red',
  department: 'volcano',
  street: 'orange',
  township: 'gold',
  village: 'green',
  community: 'cyan',
  station: 'blue',
  enterprise: 'purple',
};
