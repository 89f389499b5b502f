import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import { recordKindName, recordKinds } from './kinds.ts';
import {
  checkDecision,
  checkFollowup,
  checkMeasure,
  checkNewFiling,
  checkNewRecord,
  checkNewToleranceCase,
  clearsTheCadre,
  filedFirst,
  investigationComplete,
} from './rules.ts';

const fengze = shippedPacks().find((p) => p.id === 'fengze')!;
const kinds = recordKinds(fengze);
const TODAY = '2026-11-02';

describe('[discipline] a record against the kinds of the pack in force', () => {
  it('accepts a 诫勉 (no grade) and a 党纪处分 with its grade', () => {
    expect(checkNewRecord({ kind: 'admonishment', grade: null, decidedOn: '2026-03-02' }, kinds, TODAY)).toBe(
      null,
    );
    expect(
      checkNewRecord({ kind: 'party_discipline', grade: 'warning', decidedOn: TODAY }, kinds, TODAY),
    ).toBe(null);
  });

  it('refuses an unknown kind, a missing or foreign grade, and a decision dated tomorrow', () => {
    expect(checkNewRecord({ kind: 'scolding', grade: null, decidedOn: TODAY }, kinds, TODAY)).toBe(
      'KIND_UNKNOWN',
    );
    expect(checkNewRecord({ kind: 'party_discipline', grade: null, decidedOn: TODAY }, kinds, TODAY)).toBe(
      'GRADE_REQUIRED',
    );
    // 记过 is a grade of 政务处分, not of 党纪处分
    expect(
      checkNewRecord({ kind: 'party_discipline', grade: 'demerit', decidedOn: TODAY }, kinds, TODAY),
    ).toBe('GRADE_INVALID');
    expect(checkNewRecord({ kind: 'reminder', grade: 'warning', decidedOn: TODAY }, kinds, TODAY)).toBe(
      'GRADE_INVALID',
    );
    expect(checkNewRecord({ kind: 'reminder', grade: null, decidedOn: '2026-11-03' }, kinds, TODAY)).toBe(
      'DECIDED_IN_FUTURE',
    );
  });

  it('names a kind with its grade', () => {
    expect(recordKindName(kinds, 'party_discipline', 'serious_warning')).toBe('党纪处分（严重警告）');
    expect(recordKindName(kinds, 'admonishment', null)).toBe('诫勉');
    expect(recordKindName(kinds, 'gone', null)).toBe('gone');
  });

  it('reads the kinds of the pack, and the national ones from a pack without the section', () => {
    const section = fengze.discipline;
    if (!section) throw new Error('fengze has a discipline section');
    const own = {
      ...fengze,
      discipline: { ...section, kinds: [{ code: 'talk', name: '谈话', grades: [] }] },
    };
    expect(recordKinds(own)).toEqual([{ id: 'talk', name: '谈话', nameEn: '谈话', grades: [] }]);
    // a pack of a district without the section: the kinds the national regulations name
    const { discipline: _, ...bare } = fengze;
    expect(recordKinds(bare).map((k) => k.id)).toEqual([
      'reminder',
      'inquiry',
      'admonishment',
      'org_handling',
      'party_discipline',
      'government_sanction',
    ]);
    // the shipped pack's grades, with their English names
    expect(kinds.find((k) => k.id === 'party_discipline')?.grades[1]).toEqual({
      id: 'serious_warning',
      name: '严重警告',
      nameEn: 'Serious warning',
    });
  });
});

describe('[discipline] risk pre-filing and 报备在先', () => {
  it('a filing is made no later than the day work starts', () => {
    expect(checkNewFiling('2026-11-02', TODAY)).toBe(null);
    expect(checkNewFiling('2026-11-01', TODAY)).toBe('FILING_AFTER_START');
  });

  it('报备在先 when filed on or before the start and before the matter', () => {
    const filing = { filedOn: '2026-01-10', workStartsOn: '2026-02-01' };
    expect(filedFirst(filing, '2026-02-20')).toBe(true);
    expect(filedFirst(filing, '2026-01-10')).toBe(false); // the same day is not before
    expect(filedFirst({ filedOn: '2026-02-05', workStartsOn: '2026-02-01' }, '2026-03-01')).toBe(false);
    expect(filedFirst(filing, null)).toBe(false);
  });
});

describe('[discipline] tolerance cases', () => {
  const c = { cadreId: 'A', factsOn: '2026-02-20', appliedBy: 'unit' as const };

  it('a case concerns records of its own cadre, a matter not in the future, and a cadre applies for themself', () => {
    expect(checkNewToleranceCase(c, [{ cadreId: 'A' }], TODAY, null)).toBe(null);
    expect(checkNewToleranceCase(c, [{ cadreId: 'A' }, { cadreId: 'B' }], TODAY, null)).toBe(
      'RECORD_NOT_OF_CADRE',
    );
    expect(checkNewToleranceCase({ ...c, factsOn: '2026-11-03' }, [], TODAY, null)).toBe('FACTS_IN_FUTURE');
    expect(checkNewToleranceCase({ ...c, appliedBy: 'cadre' }, [], TODAY, 'A')).toBe(null);
    expect(checkNewToleranceCase(c, [], TODAY, 'A')).toBe('CADRE_APPLIES_FOR_SELF');
    expect(checkNewToleranceCase({ ...c, appliedBy: 'cadre' }, [], TODAY, 'B')).toBe(
      'CADRE_APPLIES_FOR_SELF',
    );
  });

  it('the investigation is complete with every item answered and the notes written', () => {
    const all = Object.fromEntries(
      [
        'threeDistinctions',
        'motive',
        'conditions',
        'procedure',
        'nature',
        'consequences',
        'recovery',
        'lawful',
        'dutyDone',
        'publicInterest',
        'harmAvoided',
      ].map((k) => [k, { answer: 'yes' as const, note: '' }]),
    );
    expect(investigationComplete(all, '走访三人，调阅台账')).toBe(true);
    expect(investigationComplete(all, '  ')).toBe(false);
    const { motive: _, ...ten } = all;
    expect(investigationComplete(ten, '走访三人')).toBe(false);
  });

  it('a decision: investigated, undecided, by a member, about records of the case', () => {
    const open = { decided: false, investigated: true, committee: ['u1', 'u2'], recordIds: ['r1', 'r2'] };
    const exempt = { outcome: 'exempt' as const, recordIds: ['r1'] };
    expect(checkDecision(open, exempt, 'u2')).toBe(null);
    expect(checkDecision(open, exempt, 'u3')).toBe('NOT_COMMITTEE_MEMBER');
    expect(checkDecision({ ...open, investigated: false }, exempt, 'u1')).toBe('NOT_INVESTIGATED');
    expect(checkDecision({ ...open, decided: true }, exempt, 'u1')).toBe('CASE_DECIDED');
    expect(checkDecision({ ...open, committee: [] }, exempt, 'u1')).toBe('COMMITTEE_EMPTY');
    expect(checkDecision(open, { outcome: 'exempt', recordIds: ['r9'] }, 'u1')).toBe(
      'DECISION_RECORD_NOT_IN_CASE',
    );
    expect(checkDecision(open, { outcome: 'lighter', recordIds: [] }, 'u1')).toBe('DECISION_NEEDS_RECORDS');
    expect(checkDecision(open, { outcome: 'refused', recordIds: [] }, 'u1')).toBe(null);
  });

  it('measures and follow-ups come after the decision', () => {
    expect(checkMeasure(null, '2026-06-01')).toBe('CASE_NOT_DECIDED');
    expect(checkMeasure('2026-05-10', '2026-05-09')).toBe('MEASURE_DUE_BEFORE_DECISION');
    expect(checkMeasure('2026-05-10', '2026-05-10')).toBe(null);
    expect(checkFollowup('2026-05-10', '2026-08-10', TODAY)).toBe(null);
    expect(checkFollowup('2026-05-10', '2026-05-09', TODAY)).toBe('VISIT_BEFORE_DECISION');
    expect(checkFollowup('2026-05-10', '2026-11-03', TODAY)).toBe('VISIT_IN_FUTURE');
    expect(checkFollowup(null, '2026-08-10', TODAY)).toBe('CASE_NOT_DECIDED');
  });
});

describe('[discipline] clarification', () => {
  it('a notice clears the cadre only for 不实 and 诬告陷害', () => {
    expect(clearsTheCadre('unfounded')).toBe(true);
    expect(clearsTheCadre('false_accusation')).toBe(true);
    expect(clearsTheCadre('partly_founded')).toBe(false);
    expect(clearsTheCadre('founded')).toBe(false);
    expect(clearsTheCadre(null)).toBe(false);
  });
});
