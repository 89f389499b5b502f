import type { DemoSeedContext } from '../../demo/context.ts';

/** The generated district's org tree (parents first), recording each org's id and path by its key. */
export async function seedDemoOrgs(ctx: DemoSeedContext): Promise<void> {
  const { client, district, orgIds: idOf, orgPaths: pathOf } = ctx;
  for (const o of district.orgs) {
    const parentPath = o.parentKey ? pathOf.get(o.parentKey) : undefined;
    const path = parentPath ? `${parentPath}.${o.code}` : o.code;
    pathOf.set(o.key, path);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO orgs (parent_id, code, name, kind, path, establishment, difficulty, sort_order)
       VALUES ($1, $2, $3, $4, $5::ltree, $6, $7::numeric, $8) RETURNING id`,
      [
        o.parentKey ? idOf.get(o.parentKey) : null,
        o.code,
        o.name,
        o.kind,
        path,
        JSON.stringify(o.establishment),
        o.difficulty,
        o.sortOrder,
      ],
    );
    idOf.set(o.key, (rows[0] as { id: string }).id);
  }
}
