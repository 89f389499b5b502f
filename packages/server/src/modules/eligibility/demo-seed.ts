import { addMonths, chinaToday } from '@ganbu/core';
import type { DemoSeedContext } from '../../demo/context.ts';

/**
 * A few strict-management facts for the demo district, so the record page's 资格 tab and the roster's 可提拔
 * filter have something to show: in the second street (whose staff are in no demo assessment round), one
 * cadre admonished three months ago with two 提醒 in the last year (an early warning), and one whose 诫勉
 * was exempted by a 容错 decision. (The discipline module's own pages write these in the product.)
 */
export async function seedDemoEligibility(ctx: DemoSeedContext): Promise<void> {
  const c = ctx.client;
  const { rows: staff } = await c.query<{ id: string }>(
    `SELECT c.id FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE o.kind = 'street' AND c.deactivated_at IS NULL
        AND o.id = (SELECT id FROM orgs WHERE kind = 'street' ORDER BY sort_order, path OFFSET 1 LIMIT 1)
      ORDER BY c.name, c.id LIMIT 2`,
  );
  if (staff.length < 2) return;
  const [admonished, exempted] = [staff[0]!.id, staff[1]!.id];
  const today = chinaToday(ctx.now);
  const year = today.slice(0, 4);
  const on = (months: number) => addMonths(today, -months);
  // the confidential tables want a reader/writer role on top of the system scope (app_rls_confidential)
  await c.query(`SELECT set_config('app.roles', 'orgdept,discipline', true)`);
  const record = async (
    cadreId: string,
    kind: string,
    decidedOn: string,
    documentNo: string,
    facts: string,
  ) =>
    (
      await c.query<{ id: string }>(
        `INSERT INTO discipline_records (cadre_id, kind, facts, decided_by, decided_on, document_no)
         VALUES ($1, $2, $3, '区委组织部', $4, $5) RETURNING id`,
        [cadreId, kind, facts, decidedOn, documentNo],
      )
    ).rows[0]!.id;
  await record(admonished, 'reminder', on(10), '', '履职中存在苗头性问题，谈话提醒');
  await record(admonished, 'reminder', on(4), '', '工作作风方面存在苗头性问题，书面提醒');
  await record(admonished, 'admonishment', on(3), `区委组〔${year}〕12号`, '落实整改要求不力，予以诫勉');
  const r = await record(
    exempted,
    'admonishment',
    on(5),
    `区委组〔${year}〕9号`,
    '改革试点中出现工作失误，予以诫勉',
  );
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO tolerance_cases (cadre_id, applied_by, applied_on, facts, outcome, decided_on, decision_reason,
                                  decision_document_no, committee)
     VALUES ($1, 'unit', $2, '改革试点中的失误，事前已报备，未谋取私利', 'exempt', $3,
             '符合“三个区分开来”，予以免责', $4, '{区纪委,区委组织部,区司法局}') RETURNING id`,
    [exempted, on(4), on(2), `区容〔${year}〕1号`],
  );
  await c.query(`INSERT INTO tolerance_case_records (tolerance_case_id, record_id) VALUES ($1, $2)`, [
    rows[0]!.id,
    r,
  ]);
  await c.query(`SELECT set_config('app.roles', '', true)`);
}
