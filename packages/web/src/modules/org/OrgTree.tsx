import type { Org } from '@ganbu/core';
import { Empty, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ancestorIds, type OrgNode } from '../../lib/org-tree.ts';

function highlight(name: string, term: string): ReactNode {
  if (!term) return name;
  const idx = name.toLowerCase().indexOf(term.toLowerCase());
  if (idx < 0) return name;
  return (
    <>
      {name.slice(0, idx)}
      <span className="org-tree-highlight">{name.slice(idx, idx + term.length)}</span>
      {name.slice(idx + term.length)}
    </>
  );
}

/** Initially open: the roots and the path to the selected unit. */
function initialExpanded(
  tree: readonly OrgNode[],
  byId: ReadonlyMap<string, Org>,
  selectedId: string | null,
) {
  const keys = new Set<string>(tree.map((n) => n.org.id));
  if (selectedId) for (const id of ancestorIds(byId, selectedId)) keys.add(id);
  return [...keys];
}

/**
 * Searchable org tree. Typing filters the tree to the matching units and their ancestors,
 * highlights the match and expands the path to it.
 */
export function OrgTree({
  tree,
  byId,
  selectedId,
  onSelect,
  height,
}: {
  tree: readonly OrgNode[];
  byId: ReadonlyMap<string, Org>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  height: number;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [expanded, setExpanded] = useState<Key[]>(() => initialExpanded(tree, byId, selectedId));
  const [autoExpandParent, setAutoExpandParent] = useState(true);

  // Reveal a unit selected from outside the tree (e.g. one just created).
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(byId, selectedId);
    setExpanded((prev) => (path.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...path])]));
  }, [selectedId, byId]);

  const matches = useMemo(() => {
    const q = term.trim().toLowerCase();
    if (!q) return null;
    return new Set([...byId.values()].filter((o) => o.name.toLowerCase().includes(q)).map((o) => o.id));
  }, [term, byId]);

  const visible = useMemo(() => {
    if (!matches) return null;
    const ids = new Set<string>();
    for (const id of matches) {
      ids.add(id);
      for (const a of ancestorIds(byId, id)) ids.add(a);
    }
    return ids;
  }, [matches, byId]);

  const treeData = useMemo(() => {
    const q = term.trim();
    const toData = (nodes: readonly OrgNode[]): TreeDataNode[] =>
      nodes
        .filter((n) => !visible || visible.has(n.org.id))
        .map((n) => ({
          key: n.org.id,
          title: (
            <span
              className={n.org.active ? undefined : 'org-tree-inactive'}
              data-testid={`org-node-${n.org.code}`}
            >
              {highlight(n.org.name, q)}
              {n.org.active ? null : (
                <Tag style={{ marginInlineStart: 6 }} variant="filled">
                  {t('common.inactive')}
                </Tag>
              )}
            </span>
          ),
          children: n.children.length > 0 ? toData(n.children) : undefined,
        }));
    return toData(tree);
  }, [tree, visible, term, t]);

  const onSearch = (value: string) => {
    setTerm(value);
    const q = value.trim().toLowerCase();
    if (!q) return;
    const keys = new Set<Key>();
    for (const o of byId.values()) {
      if (o.name.toLowerCase().includes(q)) for (const a of ancestorIds(byId, o.id)) keys.add(a);
    }
    setExpanded([...keys]);
    setAutoExpandParent(true);
  };

  return (
    <div data-testid="org-tree">
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        value={term}
        onChange={(e) => onSearch(e.target.value)}
        onSearch={onSearch}
        style={{ marginBottom: 12 }}
        data-testid="org-search"
      />
      {treeData.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={matches ? t('org.noMatch') : t('org.empty')}
        />
      ) : (
        <Tree
          blockNode
          showLine
          height={height}
          treeData={treeData}
          expandedKeys={expanded}
          autoExpandParent={autoExpandParent}
          onExpand={(keys) => {
            setExpanded(keys);
            setAutoExpandParent(false);
          }}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (typeof key === 'string') onSelect(key);
          }}
        />
      )}
    </div>
  );
}
