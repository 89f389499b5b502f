import type { CadreDetail } from '@ganbu/core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRound } from '../factories/assessment.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, injectAs, type Session, type TestApp } from '../helpers.ts';

// R-ASM-6 (issue 10 §3): a published annual grade reaches the registry — the record's 年度考核结果 lists it with
// the round it came from, and the 任免审批表 prints it after what the officer wrote.
let t: TestApp;
let officer: Session;
let cadreId: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const cadre = await newCadre(t.db, {
    orgId: street.id,
    name: '林嘉禾',
    annualAssessment: '2024年度考核优秀。',
  });
  cadreId = cadre.id;
  const round = await newRound(t.db, { orgId: street.id, cadreIds: [cadreId], name: '2026年度街道机关考核' });
  roundId = round.id;
  await t.db.admin.query(`UPDATE assessment_targets SET final_grade = 'competent' WHERE round_id = $1`, [
    roundId,
  ]);
  officer = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
});
afterAll(() => t.close());

const detail = async () =>
  (await injectAs(t, officer, { method: 'GET', url: `/api/cadres/${cadreId}` })).json<CadreDetail>();

describe('[cadre] published annual grades in the registry', () => {
  it('shows nothing of a round until it is published', async () => {
    const d = await detail();
    expect(d.publishedAnnualResults).toEqual([]);
    expect(d.annualAssessmentShown).toBe('2024年度考核优秀。');
  });

  it('lists the published grade with its round, and prints it on the 任免审批表 after the written years', async () => {
    await t.db.admin.query(`UPDATE assessment_rounds SET state = 'published' WHERE id = $1`, [roundId]);
    await t.db.admin.query(`UPDATE assessment_targets SET published = true WHERE round_id = $1`, [roundId]);
    const d = await detail();
    expect(d.publishedAnnualResults).toEqual([
      { year: 2026, grade: 'competent', gradeName: '称职', roundId, roundName: '2026年度街道机关考核' },
    ]);
    expect(d.annualAssessment).toBe('2024年度考核优秀。');
    expect(d.annualAssessmentShown).toBe('2024年度考核优秀；2026年度考核称职');

    const res = await injectAs(t, officer, {
      method: 'GET',
      url: `/api/cadres/${cadreId}/approval-form.docx`,
    });
    expect(res.statusCode).toBe(200);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2024年度考核优秀；2026年度考核称职');
  });
});
