import { PackSchema, shippedPacks, type Pack, type PackSummary } from '@ganbu/core';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  emptyDraft,
  freshIndicatorId,
  packWithIndicator,
  setClause,
  type DraftMessages,
  type IndicatorDraft,
} from './indicator-draft.ts';

const fengze = (): Pack => structuredClone(shippedPacks().find((p) => p.id === 'fengze') as Pack);

const messages: DraftMessages = {
  issue: (i) => `issue:${i.code}`,
  idTaken: 'idTaken',
  ageOrder: 'ageOrder',
  noteMissing: 'noteMissing',
  dateFormat: 'dateFormat',
  shipped: 'shipped',
};

const summary = (packId: string, origin: PackSummary['origin'], effectiveFrom: string) =>
  ({ packId, origin, effectiveFrom }) as PackSummary;

/** 35岁以下女性正科级干部 among 正科级: a complete draft. */
function draft(over: Partial<IndicatorDraft> = {}): IndicatorDraft {
  return {
    ...emptyDraft(fengze(), '2026-11-02'),
    name: '正科级干部中35岁以下女干部比例',
    population: { ranks: ['正科级'] },
    numerator: { gender: 'female', ageMax: 34 },
    amount: 20,
    note: { kind: 'assumed', seed: '', figure: '', assumed: '本区试行：不低于20%' },
    ...over,
  };
}

describe('the indicator editor model', () => {
  it('proposes local-1, then the first id not taken', () => {
    const pack = fengze();
    expect(freshIndicatorId(pack)).toBe('local-1');
    pack.selection!.indicators.push({ ...pack.selection!.indicators[0]!, id: 'local-1' });
    expect(freshIndicatorId(pack)).toBe('local-2');
    expect(freshIndicatorId(undefined)).toBe('local-1');
  });

  it('a complete draft is an indicator with its source and no problem', () => {
    const r = checkDraft(draft(), fengze(), [], messages);
    expect(r.problems).toEqual({});
    expect(r.indicator).toEqual({
      id: 'local-1',
      name: '正科级干部中35岁以下女干部比例',
      description: '',
      population: { ranks: ['正科级'] },
      numerator: { gender: 'female', ageMax: 34 },
      target: { measure: 'share', op: 'gte', percent: 20 },
      judgedPer: null,
    });
    expect(r.source).toEqual({ assumed: '本区试行：不低于20%' });
  });

  it('a count judged per village and community', () => {
    const r = checkDraft(
      draft({ measure: 'count', op: 'gte', amount: 2, judgedPer: ['village', 'community'] }),
      fengze(),
      [],
      messages,
    );
    expect(r.indicator?.target).toEqual({ measure: 'count', op: 'gte', count: 2 });
    expect(r.indicator?.judgedPer).toEqual(['village', 'community']);
  });

  it('names each problem at its field', () => {
    const pack = fengze();
    const r = checkDraft(
      draft({
        id: 'reserve-street-leadership', // Fengze's own
        name: '',
        amount: 120,
        population: { ageMin: 40, ageMax: 30 },
        note: { kind: 'seed', seed: '4', figure: '', assumed: '' },
        effectiveFrom: '2018-01-01', // the shipped Fengze version's date
      }),
      pack,
      [summary('fengze', 'shipped', '2018-01-01')],
      messages,
    );
    expect(r.indicator).toBeNull();
    expect(r.problems).toEqual({
      id: ['idTaken'],
      name: ['issue:too_small'],
      amount: ['issue:too_big'],
      population: ['ageOrder'],
      note: ['noteMissing'],
      effectiveFrom: ['shipped'],
    });
  });

  it('saves the version with the indicator appended and its source covering every number of it', () => {
    const base = fengze();
    const { indicator, source } = checkDraft(draft(), base, [], messages);
    const body = packWithIndicator(base, indicator!, source!, '2026-11-02', '新增结构指标');
    expect(body.version).toEqual({ effectiveFrom: '2026-11-02', note: '新增结构指标' });
    expect(body.selection?.indicators.map((i) => i.id)).toEqual([
      'reserve-street-leadership',
      'department-leaders-street-experience',
      'local-1',
    ]);
    expect(body.sources['/selection/indicators/2']).toEqual({ assumed: '本区试行：不低于20%' });
    // the pack's own rules accept it: every number (20, and the age 34) has a source
    expect(PackSchema.safeParse(body).success).toBe(true);
    // the base is untouched
    expect(base.selection?.indicators).toHaveLength(2);
  });

  it('sets and clears a clause', () => {
    expect(setClause({ gender: 'female' }, 'ranks', ['正科级'])).toEqual({
      gender: 'female',
      ranks: ['正科级'],
    });
    expect(setClause({ ranks: ['正科级'] }, 'ranks', [])).toEqual({});
    expect(setClause({ ageMax: 34 }, 'ageMax', undefined)).toEqual({});
  });
});
