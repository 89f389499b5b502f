import type { Appointment } from '@ganbu/core';
import type pg from 'pg';
import { copyToStaging, stagedRows, type StagingTable } from './copy-rows.ts';
import type { CadreWrite } from './repository.ts';

/**
 * Multi-row writes for the imports (Excel, LRMX): a few statements per chunk of cadres instead of
 * several round trips per cadre. Everything runs on the request's client, inside its transaction, as
 * the app role: row-level security applies to every row exactly as to the single-row statements of
 * repository.ts (an org outside the scope is not joined; a row outside it is refused by WITH CHECK).
 *
 * New cadres and appointments travel by COPY into a temporary staging table and move on by one
 * INSERT … SELECT (copy-rows.ts); updated cadre rows as one JSON parameter per statement, photos as one
 * typed array per column (`unnest($1::uuid[], $2::bytea[], …)`). Callers split their input into chunks of at most
 * BULK_CHUNK_ROWS cadres, which bounds the size of a statement's parameters and the encrypted rows held
 * in memory at once.
 */
export const BULK_CHUNK_ROWS = 1000;

/** Appointment rows are small: up to this many per statement. */
const APPOINTMENT_CHUNK_ROWS = 5000;
/** ID-number hashes per look-up statement. */
const LOOKUP_CHUNK_ROWS = 5000;
/** Photos are large (sent hex-encoded): a chunk of them also stops at this many bytes. */
const PHOTO_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Prepare and write `items` chunk by chunk, in order: chunk k + 1 is prepared (encryption, JSON: CPU
 * work in Node) while the database writes chunk k, and the writes never overlap each other. It neither
 * returns nor throws while a write is still running on the client, so after a failure nothing is left
 * in flight when the request's transaction rolls back.
 */
export async function writeInChunks<T, C>(
  items: T[],
  chunkRows: number,
  prepare: (slice: T[]) => C,
  write: (chunk: C) => Promise<void>,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let start = 0; start < items.length; start += chunkRows) {
      const chunk = prepare(items.slice(start, start + chunkRows));
      await writing;
      writing = write(chunk);
    }
  } catch (err) {
    await writing.catch(() => undefined);
    throw err;
  }
  await writing;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Cadre ids by blind index of the ID number, for many at once (one query per chunk). Only cadres
 * visible in the current scope are found, as with `findCadreIdByIdNumberHash`.
 */
export async function findCadreIdsByIdNumberHashes(
  client: pg.ClientBase,
  hashes: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(hashes)], LOOKUP_CHUNK_ROWS)) {
    const { rows } = await client.query<{ id: string; id_number_hash: string }>(
      'SELECT id, id_number_hash FROM cadres WHERE id_number_hash = ANY($1::text[])',
      [part],
    );
    for (const r of rows) found.set(r.id_number_hash, r.id);
  }
  return found;
}

/** The columns the imports write: the same as repository.ts `insertCadre` / `updateCadre` (plus the path). */
const COLUMNS = [
  'org_id',
  'name',
  'gender',
  'birth_date',
  'ethnicity',
  'native_place',
  'birth_place',
  'political_status',
  'party_join_date',
  'work_start_date',
  'full_time_education',
  'in_service_education',
  'category',
  'rank',
  'professional_type',
  'professional_title',
  'specialty',
  'post_title',
  'rewards_and_punishments',
  'annual_assessment',
  'tags',
  'extras',
  'id_number_enc',
  'id_number_hash',
  'phone_enc',
  'health_enc',
  'family_enc',
  'fact_street_or_township',
  'fact_street_leadership',
  'fact_township_secretary',
  'fact_grassroots_months',
  'fact_current_role_kind',
  'fact_current_leadership',
  'establishment_org_id',
] as const;

/**
 * A cadre row as a JSON object keyed by column name; PostgreSQL types it with the table's own row type
 * (`jsonb_populate_record(NULL::cadres, …)`), so arrays (tags) and jsonb columns need no special casing.
 */
function rowObject(id: string, w: CadreWrite): Record<(typeof COLUMNS)[number] | 'id', unknown> {
  const r = w.record;
  return {
    id,
    org_id: r.orgId,
    name: r.name,
    gender: r.gender,
    birth_date: r.birthDate,
    ethnicity: r.ethnicity,
    native_place: r.nativePlace,
    birth_place: r.birthPlace,
    political_status: r.politicalStatus,
    party_join_date: r.partyJoinDate,
    work_start_date: r.workStartDate,
    full_time_education: r.fullTimeEducation,
    in_service_education: r.inServiceEducation,
    category: r.category,
    rank: r.rank,
    professional_type: r.professionalType,
    professional_title: r.professionalTitle,
    specialty: r.specialty,
    post_title: r.postTitle,
    rewards_and_punishments: r.rewardsAndPunishments,
    annual_assessment: r.annualAssessment,
    tags: r.tags,
    extras: r.extras,
    id_number_enc: w.encrypted.id_number_enc,
    id_number_hash: w.encrypted.id_number_hash,
    phone_enc: w.encrypted.phone_enc,
    health_enc: w.encrypted.health_enc,
    family_enc: w.encrypted.family_enc,
    fact_street_or_township: w.facts.streetOrTownship,
    fact_street_leadership: w.facts.streetLeadership,
    fact_township_secretary: w.facts.townshipSecretary,
    fact_grassroots_months: w.facts.grassrootsMonths,
    fact_current_role_kind: w.facts.currentRoleKind,
    fact_current_leadership: w.facts.currentLeadership,
    establishment_org_id: r.establishmentOrgId,
  };
}

/** The staging table new cadres are copied into (copy-rows.ts): the id and the written columns. */
const CADRE_STAGING: StagingTable = {
  name: 'import_cadres',
  like: `SELECT id, ${COLUMNS.join(', ')} FROM cadres`,
  columns: ['id', ...COLUMNS],
  json: new Set(['full_time_education', 'in_service_education', 'extras']),
};

/**
 * Insert new cadres with ids chosen by the caller (so appointments and photos can follow without
 * reading ids back); the org path comes from the (visible) org row. The rows travel by COPY into a
 * staging table, then one INSERT … SELECT as the app role (row-level security applies). Returns how many
 * were inserted: fewer than given when an org is not visible.
 */
export async function insertCadres(
  client: pg.ClientBase,
  rows: { id: string; write: CadreWrite }[],
  staged?: Set<string>,
): Promise<number> {
  if (rows.length === 0) return 0;
  await copyToStaging(
    client,
    CADRE_STAGING,
    rows.map((r) => {
      const o = rowObject(r.id, r.write);
      return CADRE_STAGING.columns.map((c) => o[c as keyof typeof o]);
    }),
    staged,
  );
  const res = await client.query(
    `${stagedRows(CADRE_STAGING)}
     INSERT INTO cadres (id, ${COLUMNS.join(', ')}, org_path)
     SELECT r.id, ${COLUMNS.map((c) => `r.${c}`).join(', ')}, o.path
       FROM staged r JOIN orgs o ON o.id = r.org_id`,
  );
  return res.rowCount ?? 0;
}

/**
 * Update existing (active, visible) cadres, as `repository.updateCadre` does one by one; a row whose org
 * is not visible is left alone, as there. Each target row takes its values from a JSON object keyed by
 * cadre id (a keyed look-up per row, no join the planner could turn into a quadratic nested loop under
 * row-level security, whose selectivity it cannot estimate). Returns how many rows were updated.
 */
export async function updateCadres(
  client: pg.ClientBase,
  rows: { id: string; write: CadreWrite }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const byId = Object.fromEntries(rows.map((r) => [r.id, rowObject(r.id, r.write)]));
  const res = await client.query(
    `UPDATE cadres c
        SET (${COLUMNS.join(', ')}, org_path, updated_at) =
            (SELECT ${COLUMNS.map((col) => `r.${col}`).join(', ')}, o.path, now()
               FROM jsonb_populate_record(NULL::cadres, $1::jsonb -> c.id::text) AS r
               JOIN orgs o ON o.id = r.org_id)
      WHERE c.id = ANY($2::uuid[]) AND c.deactivated_at IS NULL
        -- the chunk's visible orgs, found once (an uncorrelated sub-select); per row a membership test
        AND ($1::jsonb -> c.id::text ->> 'org_id')::uuid = ANY (ARRAY(SELECT o.id FROM orgs o WHERE o.id = ANY($3::uuid[])))`,
    [JSON.stringify(byId), rows.map((r) => r.id), [...new Set(rows.map((r) => r.write.record.orgId))]],
  );
  return res.rowCount ?? 0;
}

/** Delete the appointment history of these cadres (the visible rows of it). */
export async function deleteAppointments(client: pg.ClientBase, cadreIds: string[]): Promise<void> {
  for (const part of chunks(cadreIds, BULK_CHUNK_ROWS))
    await client.query('DELETE FROM cadre_appointments WHERE cadre_id = ANY($1::uuid[])', [part]);
}

const APPOINTMENT_COLUMNS = [
  'cadre_id',
  'seq',
  'unit_name',
  'org_id',
  'unit_kind',
  'title',
  'is_leadership',
  'role_kind',
  'rank',
  'start_date',
  'end_date',
] as const;

/** The staging table appointments are copied into (copy-rows.ts). */
const APPOINTMENT_STAGING: StagingTable = {
  name: 'import_appointments',
  like: `SELECT ${APPOINTMENT_COLUMNS.join(', ')} FROM cadre_appointments`,
  columns: APPOINTMENT_COLUMNS,
};

/**
 * Insert the appointment histories of these cadres (seq 1, 2, … per cadre, in list order), each row
 * under its cadre's current org path, as `repository.replaceAppointments` does after its delete. The rows
 * travel by COPY into a staging table, then one INSERT … SELECT per batch as the app role.
 */
export async function insertAppointments(
  client: pg.ClientBase,
  lists: { cadreId: string; appointments: Appointment[] }[],
  staged?: Set<string>,
): Promise<void> {
  const flat = lists.flatMap((l) => l.appointments.map((a, i) => ({ cadreId: l.cadreId, seq: i + 1, a })));
  for (const part of chunks(flat, APPOINTMENT_CHUNK_ROWS)) {
    await copyToStaging(
      client,
      APPOINTMENT_STAGING,
      part.map((p) => [
        p.cadreId,
        p.seq,
        p.a.unitName,
        p.a.orgId,
        p.a.unitKind,
        p.a.title,
        p.a.isLeadership,
        p.a.roleKind,
        p.a.rank,
        p.a.start,
        p.a.end,
      ]),
      staged,
    );
    await client.query(
      `${stagedRows(APPOINTMENT_STAGING)}
       INSERT INTO cadre_appointments (cadre_id, org_path, ${APPOINTMENT_COLUMNS.slice(1).join(', ')})
       SELECT c.id, c.org_path, ${APPOINTMENT_COLUMNS.slice(1)
         .map((col) => `a.${col}`)
         .join(', ')}
         FROM staged a
         -- the cadre's (visible) row by primary key, one probe per appointment; a plain join may become a
         -- nested loop over every cadre, as the planner expects about one row to pass row-level security
         CROSS JOIN LATERAL (SELECT c.id, c.org_path FROM cadres c WHERE c.id = a.cadre_id LIMIT 1) c`,
    );
  }
}

/** Store photos, as `repository.savePhoto` does one by one (replacing an existing photo). */
export async function savePhotos(
  client: pg.ClientBase,
  photos: { cadreId: string; mime: string; bytes: Buffer }[],
): Promise<void> {
  let i = 0;
  while (i < photos.length) {
    const part: typeof photos = [];
    let bytes = 0;
    while (i < photos.length && part.length < BULK_CHUNK_ROWS) {
      const p = photos[i] as (typeof photos)[number];
      if (part.length > 0 && bytes + p.bytes.length > PHOTO_CHUNK_BYTES) break;
      part.push(p);
      bytes += p.bytes.length;
      i++;
    }
    await client.query(
      `INSERT INTO cadre_photos (cadre_id, org_path, mime, bytes)
       SELECT c.id, c.org_path, p.mime, p.bytes
         FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS p(cadre_id, mime, bytes)
         CROSS JOIN LATERAL (SELECT c.id, c.org_path FROM cadres c WHERE c.id = p.cadre_id LIMIT 1) c
       ON CONFLICT (cadre_id) DO UPDATE SET mime = EXCLUDED.mime, bytes = EXCLUDED.bytes, updated_at = now()`,
      [part.map((p) => p.cadreId), part.map((p) => p.mime), part.map((p) => p.bytes)],
    );
  }
}

export interface BulkCadre {
  /** the existing cadre's id, or a new id (randomUUID) for a cadre to insert */
  id: string;
  existing: boolean;
  write: CadreWrite;
  appointments: Appointment[];
}

/**
 * One chunk of an import: insert the new cadres, update the existing ones, replace the appointment
 * histories (the existing cadres' old rows deleted first). Returns how many new cadres were inserted.
 * `staged`: the staging tables already made in this transaction (copy-rows.ts), shared by the chunks of
 * one import so that each is made once.
 */
export async function writeCadreChunk(
  client: pg.ClientBase,
  rows: BulkCadre[],
  staged?: Set<string>,
): Promise<number> {
  const fresh = rows.filter((r) => !r.existing);
  const existing = rows.filter((r) => r.existing);
  const inserted = await insertCadres(client, fresh, staged);
  await updateCadres(client, existing);
  if (existing.length)
    await deleteAppointments(
      client,
      existing.map((r) => r.id),
    );
  await insertAppointments(
    client,
    rows.map((r) => ({ cadreId: r.id, appointments: r.appointments })),
    staged,
  );
  return inserted;
}
