import type pg from 'pg';

/**
 * The hero board's reviewed read path (R-HON-2). The board is district-wide by design, so it is read in the
 * system scope — and therefore ONLY through these two queries: decided batches of the reader's district,
 * honoured nominations, and the named columns below (name, unit and post as nominated, kind, deeds,
 * decision). Nothing else of an honoured cadre (no record field, no other nomination) is read here.
 */

export interface BoardRow {
  id: string;
  cadre_name: string;
  unit_name: string;
  post_title: string;
  kind_id: string;
  kind_name: string;
  kind_rank: number;
  batch_name: string;
  decided_on: string;
  document_number: string;
  deeds: string;
  has_photo: boolean;
}

/** `districtPath`: the first label of the reader's own unit path (their district). */
export async function boardRows(
  client: pg.ClientBase,
  districtPath: string,
  year: number,
): Promise<BoardRow[]> {
  const { rows } = await client.query<BoardRow>(
    `SELECT n.id, n.cadre_name, n.unit_name, n.post_title, b.kind_id, b.kind_name, b.kind_rank,
            b.name AS batch_name, b.decided_on::text AS decided_on, b.document_number, n.deeds,
            n.use_photo AND EXISTS (SELECT 1 FROM cadre_photos p WHERE p.cadre_id = n.cadre_id) AS has_photo
       FROM honour_batches b JOIN honour_nominations n ON n.batch_id = b.id
      WHERE b.state = 'decided' AND b.year = $2 AND b.org_path = $1::ltree AND n.state = 'honoured'
      ORDER BY b.kind_rank DESC, b.decided_on DESC, b.name, n.unit_name, n.cadre_name`,
    [districtPath, year],
  );
  return rows;
}

/** The registry photo of an honoured nomination on the board of the reader's district (chosen for it). */
export async function boardPhoto(
  client: pg.ClientBase,
  districtPath: string,
  nominationId: string,
): Promise<{ mime: string; bytes: Buffer } | null> {
  const { rows } = await client.query<{ mime: string; bytes: Buffer }>(
    `SELECT p.mime, p.bytes
       FROM honour_nominations n JOIN honour_batches b ON b.id = n.batch_id
       JOIN cadre_photos p ON p.cadre_id = n.cadre_id
      WHERE n.id = $2 AND n.state = 'honoured' AND n.use_photo
        AND b.state = 'decided' AND b.org_path = $1::ltree`,
    [districtPath, nominationId],
  );
  return rows[0] ?? null;
}
