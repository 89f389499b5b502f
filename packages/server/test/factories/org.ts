import type { Org } from '@ganbu/core';
import { insertOrg } from '../../src/modules/org/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem, uniqueToken } from './system.ts';

export interface NewOrg {
  /** default: the district (the tree's root) */
  parentId?: string;
  kind?: Org['kind'];
  name?: string;
  code?: string;
  sortOrder?: number;
}

/** A unit under `parentId` (default a street under the district), with a name unique in the run. */
export async function newOrg(db: TestDb, o: NewOrg = {}): Promise<Org> {
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ id: string; path: string }>(
      o.parentId
        ? `SELECT id, path::text FROM orgs WHERE id = $1`
        : `SELECT id, path::text FROM orgs WHERE parent_id IS NULL`,
      o.parentId ? [o.parentId] : [],
    );
    const parent = rows[0];
    if (!parent) throw new Error(`newOrg: no parent ${o.parentId ?? '(district)'}`);
    const code = o.code ?? `T${uniqueToken()}`;
    const kind = o.kind ?? 'street';
    return insertOrg(client, {
      parentId: parent.id,
      code,
      name: o.name ?? `测试${kind === 'street' ? '街道' : '单位'}${code}`,
      kind,
      path: `${parent.path}.${code}`,
      establishment: {},
      difficulty: '1.00',
      sortOrder: o.sortOrder ?? 900,
    });
  });
}
