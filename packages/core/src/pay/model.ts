import type { OrgKind } from '../org/org-kinds.ts';
import type { RoleKind } from '../cadre/model.ts';
import type { Source } from '../policy/source.ts';
import type { PayKind, PaySection } from '../policy/pay-section.ts';

/**
 * The values a pay run is computed from, frozen at computation (R-PAY-5): recomputing a run from its stored
 * inputs gives the same lines to the fen. Amounts are integer fen (分); coefficients and scores are decimal
 * text exactly as stored ("1.20", "87.35"), never floats.
 */
export type Fen = number;

/** A published grade a payment depends on, with the round it came from. */
export type GradeRef = {
  /** grade code in the round's scale (excellent, competent …) */
  code: string;
  /** as the scale names it (优秀, 称职 …) */
  name: string;
  roundId: string;
  roundName: string;
  schemeId: string;
};

export type PayPersonInput = {
  cadreId: string;
  name: string;
  unitId: string;
  unitName: string;
  unitKind: OrgKind;
  unitPath: string;
  /** 难度系数 of the unit (orgs.difficulty) as decimal text, e.g. "1.20" */
  difficulty: string;
  category: string | null;
  /** 职级 (the key of the rank-base table) */
  rank: string;
  tags: string[];
  /** kinds of the cadre's current appointments (village_principal …) */
  roleKinds: RoleKind[];
  /** the cadre's own grade in the period (performance bonus, village subsidy); null: none published */
  grade: GradeRef | null;
  /** the grade of the cadre's unit in the period (street uplift: effectiveness); null: none published */
  unitGrade: GradeRef | null;
  /** regular-assessment score (reward pool): the mean of the period's published totals */
  score: { value: string; rounds: { roundId: string; roundName: string; total: string }[] } | null;
  /** eligibility for `bonus` as of the period end (performance bonus); null when the kind does not ask */
  eligibility: { eligible: boolean; reasons: string[] } | null;
};

/** District data (not pack data): amounts of the period's year, keyed as the tables key them. */
export type PayTables = {
  /** 区直机关同职级 annual base by 职级 text (正科级 …) */
  rankBase: Record<string, Fen>;
  /** 区直机关同等次绩效奖 by grade code (excellent …) */
  bonusBase: Record<string, Fen>;
  /** a village role's subsidy before the pack's raise, by role id (principal …) */
  villageBase: Record<string, Fen>;
};

export type PayInputs = {
  kind: PayKind;
  /** 'YYYY' (a year) */
  period: string;
  /** the period's last day: eligibility and grades are as of it */
  asOf: string;
  /** the pack version whose section is applied */
  pack: { id: string; effectiveFrom: string; name: string };
  people: PayPersonInput[];
  tables: PayTables;
  /** statistic id → year → value in fen (rural-income-per-capita → 2017 → 1117800) */
  statistics: Record<string, Record<string, Fen>>;
  /** the budget (总量) or pool a run states; null: the pack's default */
  budgetFen: Fen | null;
};

/** One step of an explanation: a label, the value as shown, and where the rule comes from. */
export type PayStep = {
  /** 基数, 上浮区间, 难度系数, 考核等次, 资格, 保底, 预算分配 … */
  label: string;
  /** the value as shown to a reader: "正科级 区直机关基数 ¥96,000.00", "1.20", "优秀（2026年度街道绩效考评）" */
  value: string;
  /** an amount this step produces or uses, in fen */
  amountFen?: Fen;
  /** JSON pointer of the pack clause applied, e.g. /pay/streetUplift/band */
  clause?: string;
  /** the clause's source (seed figure, regulation or assumption) */
  source?: Source;
};

export type PayExplanation = {
  /** one sentence: how the amount was reached */
  summary: string;
  steps: PayStep[];
  /** what a reader should know: a missing grade paid at the pack's percent, a floor applied … */
  notes: string[];
};

export type PayLine = {
  cadreId: string;
  name: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  amountFen: Fen;
  /** the base the amount was computed from (rank base, bonus base, role base …); null when none */
  baseFen: Fen | null;
  explanation: PayExplanation;
};

export type PayUnitTotal = { unitId: string; unitName: string; count: number; totalFen: Fen };

export type PayResult = {
  lines: PayLine[];
  totalFen: Fen;
  /** the budget or pool split (null for kinds without one) */
  budgetFen: Fen | null;
  /** run-level explanation: the budget rule, its feasibility, the spreading factor … */
  steps: PayStep[];
  unitTotals: PayUnitTotal[];
  /** people in the population who get no line, with why (no rank base … is a refusal, not this) */
  excluded: { cadreId: string; name: string; reason: string }[];
};

/** A refusal of the rules (budget outside the band, an equal split, a missing base): nothing is stored. */
export class PayRuleError extends Error {
  constructor(
    /** stable code: PAY_BUDGET_BELOW_BAND, PAY_BUDGET_ABOVE_BAND, PAY_EQUAL_SPLIT_REFUSED, PAY_BASE_MISSING,
     * PAY_STATISTIC_MISSING, PAY_KIND_NOT_IN_PACK, PAY_BUDGET_REQUIRED, PAY_EMPTY_POPULATION */
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The calculators' entry: the pack section and the frozen inputs → lines. */
export type PayCalculator = (
  section: PaySection,
  inputs: PayInputs,
  sources: Record<string, Source>,
) => PayResult;
