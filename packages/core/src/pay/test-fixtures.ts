import { packInForce, type Pack } from '../policy/pack.ts';
import type { PayKind } from '../policy/pay-section.ts';
import { shippedPacks } from '../policy/shipped-packs.ts';
import type { GradeRef, PayInputs, PayPersonInput, PayTables } from './model.ts';

/** Test builders for the pay calculators (state only what a test is about). */

export function shippedPack(id: string, date: string): Pack {
  const pack = packInForce(
    shippedPacks().filter((p) => p.id === id),
    date,
  );
  if (!pack) throw new Error(`no ${id} pack in force on ${date}`);
  return pack;
}

let seq = 0;
export function person(overrides: Partial<PayPersonInput> = {}): PayPersonInput {
  seq += 1;
  const id = `c-${String(seq).padStart(5, '0')}`;
  return {
    cadreId: id,
    name: `干部${id}`,
    unitId: 'u-a',
    unitName: '甲街道',
    unitKind: 'street',
    unitPath: 'd.a',
    difficulty: '1.00',
    category: 'comprehensive',
    rank: '科员',
    tags: [],
    roleKinds: ['staff'],
    grade: null,
    unitGrade: null,
    score: null,
    eligibility: null,
    ...overrides,
  };
}

export function grade(
  code: string,
  name: string,
  roundName = '2026年度考核',
  schemeId = 'street-annual',
): GradeRef {
  return { code, name, roundId: `r-${schemeId}`, roundName, schemeId };
}

export const noTables: PayTables = { rankBase: {}, bonusBase: {}, villageBase: {} };

export function payInputs(
  kind: PayKind,
  people: PayPersonInput[],
  more: Partial<Omit<PayInputs, 'kind' | 'people'>> = {},
): PayInputs {
  return {
    kind,
    period: '2026',
    asOf: '2026-12-31',
    pack: { id: 'test', effectiveFrom: '2026-01-01', name: 'test' },
    people,
    tables: noTables,
    statistics: {},
    budgetFen: null,
    ...more,
  };
}

/** The refusal a call throws (code and details), for `expect(...).toMatchObject`. */
export function refusal(fn: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: string; details?: Record<string, unknown> };
    if (err.code) return { code: err.code, details: err.details ?? {} };
    throw e;
  }
  throw new Error('expected a refusal');
}
