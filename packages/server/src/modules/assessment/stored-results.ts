import { type CompactResult, expandResult, isCompactResult, type Scheme } from '@ganbu/core';
import { plain } from './compute.ts';

interface StoredGroup {
  groupId: string;
  name: string;
  ballotCount: number;
  [key: string]: unknown;
}

/** A target's result as the API gives it: JSON-safe, exact figures as {fraction, value}. */
export interface ExplainedResult {
  tally: {
    status: string;
    total: { value: string; fraction: string } | null;
    groups: StoredGroup[];
    [k: string]: unknown;
  };
  rank: { population: number; of: number; unit: number; ofUnit: number } | null;
  proposal: { reason: string; [k: string]: unknown } | null;
}

/** `assessment_targets.result` as stored: compact figures, or a whole result (a target tallied from ballots). */
export type StoredResult = ExplainedResult | CompactResult;

/**
 * A target's result with its full explanation: stored whole, or rebuilt from the compact figures the
 * compute stored (core `expandResult`, under the round's own copy of the scheme).
 */
export function explainedResult(
  scheme: Scheme,
  target: { id: string; unit_id: string; parent_unit_id: string | null; result: StoredResult | null },
): ExplainedResult | null {
  const stored = target.result;
  if (!stored) return null;
  if (!isCompactResult(stored)) return stored;
  const full = expandResult(
    scheme,
    { id: target.id, unitId: target.unit_id, parentId: target.parent_unit_id ?? target.unit_id },
    stored,
  );
  return plain(full, scheme.scoreDecimals) as ExplainedResult;
}
