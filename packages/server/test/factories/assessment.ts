import { shippedPacks } from '@ganbu/core';
import { ballotTokenHash } from '../../src/modules/assessment/ballot-token.ts';
import { rulesFromPack } from '../../src/modules/assessment/service/rounds.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

export interface NewRound {
  /** the organising unit */
  orgId: string;
  /** cadre targets (a cadre-target scheme) */
  cadreIds?: string[];
  name?: string;
  packId?: string;
  schemeId?: string;
  state?: 'draft' | 'open';
  /** unused slips to issue, by rater group: the slip codes (as printed, `XXXX-XXXX-XXXX`) */
  slips?: Record<string, string[]>;
}

export interface RoundFactoryResult {
  id: string;
  /** target ids in the order of `cadreIds` */
  targetIds: string[];
}

/**
 * An assessment round of the shipped Fengze street-annual scheme (default), open, with its targets and
 * slips. (The assessment module is being given its repository in parallel: plain SQL here until then, the
 * same rows `createRound` and the slip issue write.)
 */
export async function newRound(db: TestDb, r: NewRound): Promise<RoundFactoryResult> {
  const packId = r.packId ?? 'fengze';
  const schemeId = r.schemeId ?? 'street-annual';
  const pack = shippedPacks().find((p) => p.id === packId);
  if (!pack) throw new Error(`newRound: no shipped pack ${packId}`);
  const rules = rulesFromPack(pack, schemeId);
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
         period_start, period_end, state)
       SELECT o.id, o.path, $2, $3, $4, $5, $6, '2026-01-01', '2026-12-31', $7 FROM orgs o WHERE o.id = $1
       RETURNING id`,
      [
        r.orgId,
        r.name ?? '测试轮次',
        packId,
        pack.version.effectiveFrom,
        schemeId,
        JSON.stringify(rules),
        r.state ?? 'open',
      ],
    );
    const roundId = rows[0]?.id;
    if (!roundId) throw new Error(`newRound: unit ${r.orgId} not found`);
    const targetIds: string[] = [];
    for (const cadreId of r.cadreIds ?? []) {
      const { rows: t } = await client.query<{ id: string }>(
        `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, name)
         SELECT $1, c.id, c.org_id, c.org_path, c.name FROM cadres c WHERE c.id = $2 RETURNING id`,
        [roundId, cadreId],
      );
      if (!t[0]) throw new Error(`newRound: cadre ${cadreId} not found`);
      targetIds.push(t[0].id);
    }
    for (const [groupId, codes] of Object.entries(r.slips ?? {}))
      for (const code of codes)
        await client.query(
          `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id)
           VALUES ($1, $2, $3, $4, gen_random_uuid())`,
          [roundId, groupId, r.orgId, ballotTokenHash(cipher, code.replaceAll('-', ''))],
        );
    return { id: roundId, targetIds };
  });
}
