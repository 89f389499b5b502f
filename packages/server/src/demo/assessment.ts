import { Prng } from '@ganbu/core/demo/prng';
import type pg from 'pg';
import type { RequestContext } from '../platform/context.ts';
import type { FieldCipher } from '../platform/field-cipher.ts';
import { appendAudit } from '../platform/audit-writer.ts';
import { ballotTokenHash, newBallotCode } from '../modules/assessment/ballot-token.ts';
import { computeRound } from '../modules/assessment/service/compute.ts';
import { ensureShippedPacks, packOn } from '../modules/assessment/service/packs.ts';
import { findRound, rulesFromPack, type RoundRules } from '../modules/assessment/service/rounds.ts';

/** Unused slips of the demo's open round, to try the ballot page (the codes are seeded, so stable). */
export interface DemoSlips {
  roundName: string;
  groupName: string;
  codes: string[];
}

interface DemoRoundSpec {
  name: string;
  packId: string;
  schemeId: string;
  year: number;
  orgId: string;
  orgPath: string;
  /** cadre targets (ids) or unit targets (ids) per the scheme's target kind */
  targets: { cadreId?: string; unitId: string }[];
  /** slips per group; `used` of them vote */
  slips: Record<string, { issued: number; used: number }>;
  state: 'open' | 'published';
}

/** A stable quality per target and noise per ballot: plausible, varied scores (integers, 百分制). */
function scoreBallot(rng: Prng, rules: RoundRules, quality: number): number[] {
  return rules.scheme.criteria.map((c) => {
    const share = Math.min(1, Math.max(0.5, (quality + rng.int(-6, 5)) / 100));
    return Math.round(c.maxPoints * share) * 100;
  });
}

async function seedRound(
  client: pg.ClientBase,
  cipher: FieldCipher,
  ctx: RequestContext,
  rng: Prng,
  spec: DemoRoundSpec,
): Promise<{ roundId: string; unused: Map<string, string[]>; rules: RoundRules }> {
  const pack = await packOn(client, spec.packId, `${spec.year}-12-31`);
  const rules = rulesFromPack(pack, spec.schemeId);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, state, created_at)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, 'open', $10) RETURNING id`,
    [
      spec.orgId,
      spec.orgPath,
      spec.name,
      pack.id,
      pack.version.effectiveFrom,
      rules.scheme.id,
      JSON.stringify(rules),
      `${spec.year}-01-01`,
      `${spec.year}-12-31`,
      ctx.now,
    ],
  );
  const roundId = rows[0]!.id;
  const targets: { id: string; unitId: string }[] = [];
  for (const [i, t] of spec.targets.entries()) {
    const { rows: ins } = await client.query<{ id: string }>(
      t.cadreId
        ? `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, parent_unit_id, name, post, sort_order,
             report)
           SELECT $1, c.id, c.org_id, c.org_path, o.parent_id, c.name, c.post_title, $3, $4
             FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = $2 RETURNING id`
        : `INSERT INTO assessment_targets (round_id, unit_id, unit_path, parent_unit_id, name, sort_order, report)
           SELECT $1, o.id, o.path, o.parent_id, o.name, $3, $4 FROM orgs o WHERE o.id = $2 RETURNING id`,
      [
        roundId,
        t.cadreId ?? t.unitId,
        i + 1,
        `${spec.year}年，围绕年度重点任务，认真履行岗位职责，按时完成各项工作；下一步将在服务群众、作风建设方面继续改进。`,
      ],
    );
    targets.push({ id: ins[0]!.id, unitId: t.unitId });
  }
  const quality = new Map(targets.map((t) => [t.id, rng.int(78, 97)]));
  const unused = new Map<string, string[]>();
  const day = `${spec.year}-12-${String(rng.int(10, 28)).padStart(2, '0')}`;
  for (const group of rules.scheme.raterGroups) {
    const plan = spec.slips[group.id];
    if (!plan) continue;
    // slips rating their own unit are issued per unit; the demo's rounds have one unit per such group
    const unitId = group.rates === 'ownUnit' ? (targets[0]?.unitId ?? null) : null;
    const codes = Array.from({ length: plan.issued }, () => newBallotCode((n) => rng.int(0, n - 1)));
    unused.set(group.id, codes.slice(plan.used));
    await client.query(
      `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id, state)
       SELECT $1, $2, $3, h.hash, gen_random_uuid(), CASE WHEN h.n <= $5 THEN 'used' ELSE 'issued' END
         FROM unnest($4::text[]) WITH ORDINALITY AS h(hash, n)`,
      [roundId, group.id, unitId, codes.map((c) => ballotTokenHash(cipher, c.replace(/-/g, ''))), plan.used],
    );
    for (let b = 0; b < plan.used; b++) {
      const { rows: ballot } = await client.query<{ id: string }>(
        `INSERT INTO ballots (round_id, group_id, unit_id, cast_on) VALUES ($1, $2, $3, $4) RETURNING id`,
        [roundId, group.id, unitId, day],
      );
      const scored = targets.filter((t) => !unitId || t.unitId === unitId);
      await client.query(
        `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
         SELECT $1, $2, $3, s.target_id, ARRAY(SELECT jsonb_array_elements_text(s.points)::int), s.total
           FROM jsonb_to_recordset($4::jsonb) AS s(target_id uuid, points jsonb, total int)`,
        [
          ballot[0]!.id,
          roundId,
          group.id,
          JSON.stringify(
            scored.map((t) => {
              const points = scoreBallot(rng, rules, quality.get(t.id)!);
              return { target_id: t.id, points, total: points.reduce((a, p) => a + p, 0) };
            }),
          ),
        ],
      );
    }
  }
  if (spec.state === 'published') {
    await client.query(`UPDATE assessment_rounds SET state = 'closed' WHERE id = $1`, [roundId]);
    await computeRound(ctx, await findRound(client, roundId));
    await client.query(`UPDATE assessment_rounds SET state = 'published' WHERE id = $1`, [roundId]);
    await client.query(`UPDATE assessment_targets SET published = true WHERE round_id = $1`, [roundId]);
  }
  return { roundId, unused, rules };
}

/**
 * The demo district's assessments: last year's finished annual round of a street's staff (Fengze scheme,
 * 20 % quota), last year's published 万人双评议 of the district departments (the leaderboard), this
 * year's annual round, open, with slips issued and some already used, and last year's published
 * 街道绩效考评 of the streets.
 */
export async function seedDemoAssessment(
  client: pg.ClientBase,
  cipher: FieldCipher,
  now: Date,
  seed: number,
): Promise<DemoSlips> {
  await ensureShippedPacks(client);
  const rng = new Prng(seed).fork('assessment');
  const ctx: RequestContext = {
    client: client as pg.PoolClient,
    actor: null,
    now,
    clientAddress: '',
    audited: false,
    audit: (entry) =>
      appendAudit(client, { ...entry, at: now, actor: null, clientAddress: null, sealWith: cipher }),
  };
  const year = now.getUTCFullYear();
  const { rows: streets } = await client.query<{ id: string; path: string; name: string }>(
    `SELECT id, path::text, name FROM orgs WHERE kind = 'street' ORDER BY sort_order, path LIMIT 1`,
  );
  const street = streets[0]!;
  const { rows: staff } = await client.query<{ id: string }>(
    `SELECT id FROM cadres WHERE org_id = $1 AND deactivated_at IS NULL ORDER BY name, id`,
    [street.id],
  );
  const staffTargets = staff.map((c) => ({ cadreId: c.id, unitId: street.id }));
  const n = staffTargets.length;
  await seedRound(client, cipher, ctx, rng, {
    name: `${year - 1}年度${street.name}机关工作人员考核`,
    packId: 'fengze',
    schemeId: 'street-annual',
    year: year - 1,
    orgId: street.id,
    orgPath: street.path,
    targets: staffTargets,
    slips: {
      leadership: { issued: 7, used: 7 },
      colleagues: { issued: Math.max(12, n), used: Math.max(12, n) },
      communities: { issued: 9, used: 8 },
    },
    state: 'published',
  });
  const { rows: root } = await client.query<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE parent_id IS NULL`,
  );
  const { rows: departments } = await client.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'department' AND active ORDER BY sort_order, path`,
  );
  await seedRound(client, cipher, ctx, rng, {
    name: `${year - 1}年度“万人双评议”（区直机关）`,
    packId: 'wenzhou',
    schemeId: 'mass-rating',
    year: year - 1,
    orgId: root[0]!.id,
    orgPath: root[0]!.path,
    targets: departments.map((d) => ({ unitId: d.id })),
    slips: { public: { issued: 40, used: 36 }, representatives: { issued: 10, used: 9 } },
    state: 'published',
  });
  const open = await seedRound(client, cipher, ctx, rng, {
    name: `${year}年度${street.name}机关工作人员考核`,
    packId: 'fengze',
    schemeId: 'street-annual',
    year,
    orgId: street.id,
    orgPath: street.path,
    targets: staffTargets,
    slips: {
      leadership: { issued: 7, used: 3 },
      colleagues: { issued: Math.max(12, n), used: 5 },
      communities: { issued: 9, used: 0 },
    },
    state: 'open',
  });
  const group = open.rules.scheme.raterGroups.find((g) => g.id === 'colleagues')!;
  // last year's 街道绩效考评 of the streets (Fengze's unit scheme), published: its grades are the streets'
  // 工作实效 that spread the street cadres' uplift (经济激励). Seeded last, so the draws above stay as they were.
  const { rows: allStreets } = await client.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'street' AND active ORDER BY sort_order, path`,
  );
  await seedRound(client, cipher, ctx, rng, {
    name: `${year - 1}年度街道绩效考评`,
    packId: 'fengze',
    schemeId: 'street-performance',
    year: year - 1,
    orgId: root[0]!.id,
    orgPath: root[0]!.path,
    targets: allStreets.map((s) => ({ unitId: s.id })),
    slips: { 'district-leadership': { issued: 9, used: 9 }, departments: { issued: 21, used: 19 } },
    state: 'published',
  });
  return {
    roundName: `${year}年度${street.name}机关工作人员考核`,
    groupName: group.name,
    codes: (open.unused.get('colleagues') ?? []).slice(0, 5),
  };
}
