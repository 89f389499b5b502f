import { shippedPacks, type Pack, type PackSummary } from '@ganbu/core';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  buildBody,
  changedNumbers,
  cloneDraft,
  freshPackId,
  getAt,
  issueText,
  noteToSource,
  numberPointers,
  packEditPath,
  placeProblems,
  segmentsOf,
  setAt,
  shownPointer,
  validateDraft,
  type NoteDraft,
} from './editor-model.ts';

/** The key and its values, so a test sees which text was chosen and with what. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const jinwan = (): Pack => structuredClone(shippedPacks().find((p) => p.id === 'jinwan') as Pack);

const summary = (packId: string, origin: PackSummary['origin'], effectiveFrom = '2017-10-01') =>
  ({ packId, origin, effectiveFrom }) as PackSummary;

describe('JSON pointers into the draft', () => {
  it('splits a pointer, unescaping ~1 and ~0', () => {
    expect(segmentsOf('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(segmentsOf('')).toEqual([]);
    expect(segmentsOf('/')).toEqual([]);
  });

  it('reads and writes along a path, copying only that path', () => {
    const v = { a: [{ b: 1 }, { b: 2 }], c: { d: 1 } };
    expect(getAt(v, '/a/1/b')).toBe(2);
    expect(getAt(v, '/a/5/b')).toBeUndefined();
    expect(getAt(v, '/c/d/e')).toBeUndefined();
    const next = setAt(v, '/a/1/b', 9);
    expect(next).toEqual({ a: [{ b: 1 }, { b: 9 }], c: { d: 1 } });
    expect(v.a[1]).toEqual({ b: 2 });
    expect(next.c).toBe(v.c);
    expect(next.a[0]).toBe(v.a[0]);
    expect(setAt({}, '/x/y', 1)).toEqual({ x: { y: 1 } });
  });

  it('lists the numbers of the assessment section only, a cleared (null) one left out', () => {
    const pack = {
      name: 'x',
      other: { n: 1 },
      assessment: {
        minGroupSizeShown: 3,
        schemes: [{ criteria: [{ maxPoints: 40, name: 'a' }, { maxPoints: null }] }],
      },
    };
    expect(numberPointers(pack)).toEqual([
      '/assessment/minGroupSizeShown',
      '/assessment/schemes/0/criteria/0/maxPoints',
    ]);
  });

  it('lists the case procedures’ time limits too (a step without one is null, left out)', () => {
    const pack = {
      assessment: { minGroupSizeShown: 3 },
      workflow: {
        caseKinds: {
          grade_appeal: { steps: [{ deadlineWorkingDays: null }, { deadlineWorkingDays: 20 }] },
        },
      },
    };
    expect(numberPointers(pack)).toEqual([
      '/assessment/minGroupSizeShown',
      '/workflow/caseKinds/grade_appeal/steps/1/deadlineWorkingDays',
    ]);
  });
});

describe('changed numbers and their source notes', () => {
  it('finds the numbers that differ from the version the draft started from, in document order', () => {
    const base = jinwan();
    let draft = setAt(base, '/assessment/schemes/0/raterGroups/0/weight', 45);
    draft = setAt(draft, '/assessment/schemes/0/criteria/0/maxPoints', 35);
    expect(changedNumbers(base, base)).toEqual([]);
    // a scheme's criteria come before its rater groups
    expect(changedNumbers(base, draft)).toEqual([
      '/assessment/schemes/0/criteria/0/maxPoints',
      '/assessment/schemes/0/raterGroups/0/weight',
    ]);
  });

  it('turns a complete note into a source, else nothing', () => {
    const note = (n: Partial<NoteDraft>): NoteDraft => ({
      kind: 'seed',
      seed: '',
      figure: '',
      assumed: '',
      ...n,
    });
    expect(noteToSource(note({ seed: '012', figure: ' 40分 ' }))).toEqual({ seed: '012', figure: '40分' });
    expect(noteToSource(note({ seed: '12', figure: '40分' }))).toBeNull();
    expect(noteToSource(note({ seed: '012', figure: '  ' }))).toBeNull();
    expect(noteToSource(note({ kind: 'assumed', assumed: '按惯例' }))).toBeNull();
    expect(noteToSource(note({ kind: 'assumed', assumed: ' 参照往年做法 ' }))).toEqual({
      assumed: '参照往年做法',
    });
    expect(noteToSource(undefined)).toBeNull();
  });

  it('sends the draft with each changed number’s note as its source', () => {
    const base = jinwan();
    const draft = setAt(base, '/assessment/schemes/0/criteria/0/maxPoints', 35);
    const p = '/assessment/schemes/0/criteria/0/maxPoints';
    const body = buildBody(base, draft, { [p]: { kind: 'seed', seed: '003', figure: '35分', assumed: '' } });
    expect(body.sources[p]).toEqual({ seed: '003', figure: '35分' });
    expect(Object.keys(body.sources).length).toBe(Object.keys(base.sources).length + 1);
    expect(body.assessment).toBe(draft.assessment);
  });
});

describe('validateDraft: every problem, keyed by pointer', () => {
  it('has none for a shipped version as it is (not saved over a shipped date)', () => {
    const base = jinwan();
    expect(validateDraft(t, base, base, {}, [])).toEqual(new Map());
  });

  it('says the sum, the missing note and the shipped version it would overwrite', () => {
    const base = jinwan();
    // 35 + 30 + 30 = 95 points instead of 100
    const draft = setAt(base, '/assessment/schemes/0/criteria/0/maxPoints', 35);
    const problems = validateDraft(t, base, draft, {}, [summary('jinwan', 'shipped')]);
    expect(Object.fromEntries(problems)).toEqual({
      '/assessment/schemes/0/criteria': ['各项指标分值合计为 95 分，应为 100 分'],
      'note:/assessment/schemes/0/criteria/0/maxPoints': ['assessment.packEdit.problems.noteMissing'],
      '/version/effectiveFrom': ['assessment.packEdit.problems.shipped'],
    });
  });

  it('checks a note: seed number, figure; min raters above max', () => {
    const base = jinwan();
    // group 0 has 15–20 raters: 25 as the minimum is above the maximum
    const draft = setAt(base, '/assessment/schemes/0/raterGroups/0/minRaters', 25);
    const p = '/assessment/schemes/0/raterGroups/0/minRaters';
    const problems = validateDraft(
      t,
      base,
      draft,
      { [p]: { kind: 'seed', seed: 'x1', figure: '', assumed: '' } },
      [summary('jinwan', 'edited')],
    );
    expect(problems.get(`note:${p}`)).toEqual([
      'assessment.packEdit.problems.noteSeed',
      'assessment.packEdit.problems.noteFigure',
    ]);
    expect(problems.has('/version/effectiveFrom')).toBe(false);
    expect([...problems.keys()].some((k) => k.startsWith('/assessment/schemes/0/raterGroups/0'))).toBe(true);
  });
});

describe('issueText: a schema issue as a sentence', () => {
  const issue = (i: Record<string, unknown>) => ({ path: [], message: 'Too small', ...i }) as never;
  it('keeps the schema’s Chinese message, else makes one from its code', () => {
    expect(issueText(t, issue({ code: 'custom', message: '评议组编号不能重复' }), '/x')).toBe(
      '评议组编号不能重复',
    );
    expect(issueText(t, issue({ code: 'too_small', origin: 'string', minimum: 1 }), '/name')).toBe(
      'assessment.packEdit.problems.required',
    );
    expect(issueText(t, issue({ code: 'too_big', origin: 'string', maximum: 80 }), '/name')).toBe(
      'assessment.packEdit.problems.textMax {"n":"80"}',
    );
    expect(
      issueText(
        t,
        issue({ code: 'too_big', origin: 'number', maximum: 100 }),
        '/assessment/schemes/0/raterGroups/1/weight',
      ),
    ).toBe('assessment.packEdit.problems.percent');
    expect(
      issueText(
        t,
        issue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false }),
        '/a/maxPoints',
      ),
    ).toBe('assessment.packEdit.problems.above {"n":"0"}');
    expect(issueText(t, issue({ code: 'invalid_type', expected: 'number', input: null }), '/a')).toBe(
      'assessment.packEdit.problems.required',
    );
    expect(issueText(t, issue({ code: 'invalid_type', expected: 'int', input: 1.5 }), '/a')).toBe(
      'assessment.packEdit.problems.integer',
    );
    expect(issueText(t, issue({ code: 'invalid_value' }), '/a')).toBe('assessment.packEdit.problems.choose');
    expect(issueText(t, issue({ code: 'too_small', origin: 'string', minimum: 1 }), '/id')).toBe(
      'assessment.packEdit.problems.packId',
    );
  });
});

describe('where problems are shown', () => {
  it('places a pointer at the field that shows it, or lists it above the form', () => {
    expect(shownPointer('/name')).toBe('/name');
    expect(shownPointer('/assessment/quotaRules/0/tieBreak/1/groupId')).toBe(
      '/assessment/quotaRules/0/tieBreak/1',
    );
    expect(shownPointer('/assessment/schemes/2/raterGroups/1/aggregation/trim')).toBe(
      '/assessment/schemes/2/raterGroups/1/aggregation',
    );
    expect(shownPointer('/sources')).toBeNull();
    const { placed, unplaced } = placeProblems(
      new Map([
        ['/name', ['必填']],
        ['/assessment/quotaRules/0/tieBreak/1/groupId', ['无此评议组', '必填']],
        ['/sources', ['依据有误']],
      ]),
    );
    expect(Object.fromEntries(placed)).toEqual({
      '/name': ['必填'],
      '/assessment/quotaRules/0/tieBreak/1': ['无此评议组', '必填'],
    });
    expect(unplaced).toEqual([{ pointer: '/sources', message: '依据有误' }]);
  });
});

describe('copies of a pack', () => {
  it('picks the first free <id>-local id', () => {
    expect(freshPackId('jinwan', [summary('jinwan', 'shipped')])).toBe('jinwan-local');
    const used = [
      summary('jinwan', 'shipped'),
      summary('jinwan-local', 'edited'),
      summary('jinwan-local-2', 'edited'),
    ];
    expect(freshPackId('jinwan', used)).toBe('jinwan-local-3');
    // a copy of a copy starts from the same stem
    expect(freshPackId('jinwan-local-2', used)).toBe('jinwan-local-3');
  });

  it('starts a clone from the source version with the copy’s header, not sharing its objects', () => {
    const source = jinwan();
    const header = {
      id: 'jinwan-local',
      name: '金湾（本区）',
      effectiveFrom: '2027-01-01',
      note: '本区调整',
    };
    const draft = cloneDraft(source, header);
    expect([draft.id, draft.name, draft.version]).toEqual([
      'jinwan-local',
      '金湾（本区）',
      { effectiveFrom: '2027-01-01', note: '本区调整' },
    ]);
    expect(draft.assessment).toEqual(source.assessment);
    expect(draft.assessment).not.toBe(source.assessment);
  });

  it('puts the copy’s header in the editor’s URL', () => {
    expect(packEditPath('abc')).toBe('/assessment/packs/edit/abc');
    expect(
      packEditPath('abc', { id: 'x-local', name: '金湾 副本', effectiveFrom: '2027-01-01', note: 'a&b' }),
    ).toBe(
      '/assessment/packs/edit/abc?pid=x-local&name=%E9%87%91%E6%B9%BE+%E5%89%AF%E6%9C%AC&date=2027-01-01&note=a%26b',
    );
  });
});
