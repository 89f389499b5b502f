import { CadreRecordInputSchema, type CadreRecordInput } from '@ganbu/core';
import { insertCadre, replaceAppointments } from '../../src/modules/cadre/repository.ts';
import { cadreWrite } from '../../src/modules/cadre/service.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY, TEST_SEED_TIME } from '../db-urls.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem, uniqueToken } from './system.ts';

/** A cadre record in `orgId`: the registry's own write path (validation, encryption, appointments). */
export async function newCadre(
  db: TestDb,
  c: Partial<CadreRecordInput> & { orgId: string },
): Promise<{ id: string; name: string }> {
  const record = CadreRecordInputSchema.parse({
    name: `测试干部${uniqueToken()}`,
    gender: 'female',
    birthDate: '1985-06',
    postTitle: '科员',
    ...c,
  });
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  const id = await asSystem(db, async (client) => {
    const cadreId = await insertCadre(
      client,
      cadreWrite(cipher, record, TEST_SEED_TIME.toISOString().slice(0, 10)),
    );
    if (!cadreId) throw new Error(`newCadre: unit ${c.orgId} not found`);
    await replaceAppointments(client, cadreId, record.appointments);
    return cadreId;
  });
  return { id, name: record.name };
}

/** A correction request of `field` on a cadre's record, asked by `requestedBy` (pending). */
export async function newCorrection(
  db: TestDb,
  c: { cadreId: string; requestedBy: string; field?: string; proposedValue?: string },
): Promise<string> {
  // (the corrections module is being given its repository in parallel: plain SQL here until then)
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cadre_corrections (cadre_id, org_path, requested_by, field, proposed_value)
       SELECT c.id, c.org_path, $2, $3, $4 FROM cadres c WHERE c.id = $1 RETURNING id`,
      [c.cadreId, c.requestedBy, c.field ?? 'phone', c.proposedValue ?? '13900000000'],
    );
    if (!rows[0]) throw new Error(`newCorrection: cadre ${c.cadreId} not found`);
    return rows[0].id;
  });
}
