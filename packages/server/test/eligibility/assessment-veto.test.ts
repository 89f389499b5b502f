import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRound } from '../factories/assessment.ts';
import { newCadre } from '../factories/cadre.ts';
import { newDisciplineRecord, newToleranceDecision } from '../factories/discipline-sql.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let streetAdmin: Session;
let streetId: string;

beforeAll(async () => {
  t = await createTestApp();
  streetId = (await newOrg(t.db)).id;
  // the street admin runs the round: it may not read discipline records
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: streetId, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

/**
 * A closed Fengze street-annual round of five cadres of one street (20 % → 1 优秀 place) whose every ballot
 * gives the five 96, 94, 92, 90 and 88 points (德能勤绩廉 20/20/20/x/9): without a veto the first is 优秀.
 */
async function closedRound(): Promise<{ roundId: string; targetIds: string[]; cadreIds: string[] }> {
  const cadreIds: string[] = [];
  for (let i = 0; i < 5; i++) cadreIds.push((await newCadre(t.db, { orgId: streetId })).id);
  const round = await newRound(t.db, { orgId: streetId, cadreIds, schemeId: 'street-annual' });
  const groups: [string, number][] = [
    ['leadership', 3],
    ['colleagues', 5],
    ['communities', 3],
  ];
  for (const [groupId, n] of groups)
    for (let b = 0; b < n; b++) {
      const { rows } = await t.db.admin.query<{ id: string }>(
        `INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
         VALUES (gen_random_uuid(), $1, $2, $3, '2026-10-30') RETURNING id`,
        [round.id, groupId, streetId],
      );
      for (const [k, targetId] of round.targetIds.entries()) {
        // in hundredths of a point, as the ballot box stores them
        const points = [20, 20, 20, 27 - 2 * k, 9].map((p) => p * 100);
        await t.db.admin.query(
          `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [rows[0]!.id, round.id, groupId, targetId, points, points.reduce((a, x) => a + x, 0)],
        );
      }
    }
  await t.db.admin.query(`UPDATE assessment_rounds SET state = 'closed' WHERE id = $1`, [round.id]);
  return { roundId: round.id, targetIds: round.targetIds, cadreIds };
}

type Results = {
  targets: {
    id: string;
    proposedGrade: string | null;
    explanation: { proposal: { reason: string; vetoReasons: string[] } };
  }[];
};

async function compute(roundId: string): Promise<Results['targets']> {
  const res = await injectAs(t, streetAdmin, {
    method: 'POST',
    url: `/api/assessment/rounds/${roundId}/transition`,
    payload: { action: 'compute' },
  });
  expect(res.statusCode, res.body).toBe(200);
  const results = await injectAs(t, streetAdmin, {
    method: 'GET',
    url: `/api/assessment/rounds/${roundId}/results`,
  });
  expect(results.statusCode, results.body).toBe(200);
  return results.json<Results>().targets;
}

const ADMONISHED_REASON =
  '受到诫勉的，取消当年年度考核评优和评选各类先进的资格——影响至 2026-12-31，2027-01-01 起不再影响' +
  '（依据《关于对党员领导干部进行诫勉的规定》（2019）条款待核）';

describe('[eligibility] assessment proposals and overrides ask the engine', () => {
  it('an admonished top scorer is not proposed 优秀: the next eligible target is (quota unchanged)', async () => {
    const { roundId, targetIds, cadreIds } = await closedRound();
    await newDisciplineRecord(t.db, {
      cadreId: cadreIds[0]!,
      kind: 'admonishment',
      decidedOn: '2026-03-02',
      documentNo: '丰组〔2026〕3号',
    });
    const rs = await compute(roundId);
    const grade = (i: number) => rs.find((x) => x.id === targetIds[i])!;
    expect(targetIds.map((_, i) => grade(i).proposedGrade)).toEqual(
      ['competent', 'excellent', 'competent', 'competent', 'incompetent'].map((g, i) =>
        i === 4 ? 'competent' : g,
      ),
    );
    expect(grade(0).explanation.proposal).toMatchObject({ reason: 'veto', vetoReasons: [ADMONISHED_REASON] });
    // the street admin reads the rule, not the facts: no decision date, no document number
    expect(JSON.stringify(rs)).not.toContain('丰组〔2026〕3号');
    expect(JSON.stringify(rs)).not.toContain('2026-03-02');

    // the committee cannot override it to 优秀: a stable code and the reason
    const refused = await injectAs(t, streetAdmin, {
      method: 'POST',
      url: `/api/assessment/rounds/${roundId}/grades`,
      payload: { targetId: targetIds[0], grade: 'excellent', reason: '工作突出，考核委员会研究' },
    });
    expectError(refused, 409, 'NOT_ELIGIBLE');
    expect(refused.json<{ message: string }>().message).toBe(`该对象不能评为优秀：${ADMONISHED_REASON}`);
  });

  it('the same record exempted by 免责 before the period ends: the top scorer is 优秀 again', async () => {
    const { roundId, targetIds, cadreIds } = await closedRound();
    const record = await newDisciplineRecord(t.db, {
      cadreId: cadreIds[0]!,
      kind: 'admonishment',
      decidedOn: '2026-03-02',
    });
    await newToleranceDecision(t.db, {
      cadreId: cadreIds[0]!,
      recordIds: [record],
      outcome: 'exempt',
      decidedOn: '2026-05-10',
      documentNo: '丰容〔2026〕1号',
    });
    const rs = await compute(roundId);
    expect(rs.find((x) => x.id === targetIds[0])!.proposedGrade).toBe('excellent');
    expect(rs.find((x) => x.id === targetIds[1])!.proposedGrade).toBe('competent');
  });
});
