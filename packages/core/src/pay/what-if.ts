import type { Fen, PayExplanation, PayResult, PayStep } from './model.ts';

export type PayComparison = {
  totals: { beforeFen: Fen; afterFen: Fen; deltaFen: Fen };
  units: { unitId: string; unitName: string; count: number; beforeFen: Fen; afterFen: Fen; deltaFen: Fen }[];
  /** every person in either result, largest absolute change first (ties: unit, then name) */
  lines: {
    cadreId: string;
    name: string;
    unitId: string;
    unitName: string;
    beforeFen: Fen;
    afterFen: Fen;
    deltaFen: Fen;
    after: PayExplanation;
  }[];
  /** the run-level steps of the other version */
  steps: PayStep[];
};

/** Compare a run's result with the same inputs computed under another pack version. (skeleton) */
export function comparePay(_before: PayResult, _after: PayResult): PayComparison {
  throw new Error('comparePay: not built yet');
}
