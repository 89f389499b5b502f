import type { Org } from '@ganbu/core';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

function compareOrgs(a: Org, b: Org): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * The forest of the flat org list. Roots are orgs whose parent is null or not in the list
 * (the list only holds the user's data scope).
 */
export function buildOrgTree(items: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of items) nodes.set(org.id, { org, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => compareOrgs(a.org, b.org));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Ids of `id` and every org below it. */
export function subtreeIds(items: readonly Org[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of items) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (out.has(cur)) continue;
    out.add(cur);
    stack.push(...(children.get(cur) ?? []));
  }
  return out;
}

/** Ids of the ancestors (within the list) of `id`, nearest first. */
export function ancestorIds(byId: ReadonlyMap<string, Org>, id: string): string[] {
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  while (cur && byId.has(cur) && !out.includes(cur)) {
    out.push(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
}

export interface OrgTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeSelectNode[];
}

/** Tree data for an antd TreeSelect; `disabled` decides which orgs cannot be picked. */
export function toTreeSelectData(
  tree: readonly OrgNode[],
  disabled?: (org: Org) => boolean,
  exclude?: ReadonlySet<string>,
): OrgTreeSelectNode[] {
  return tree
    .filter((n) => !exclude?.has(n.org.id))
    .map((n) => ({
      value: n.org.id,
      title: n.org.name,
      disabled: disabled?.(n.org) ?? false,
      children: n.children.length > 0 ? toTreeSelectData(n.children, disabled, exclude) : undefined,
    }));
}
