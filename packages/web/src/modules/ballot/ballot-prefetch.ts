import type { BallotPage } from '@ganbu/core/contracts/assessment';
import { ballotApi } from './ballot-api.ts';
import { normaliseBallotCode, normaliseSurveyCode } from './ballot-code.ts';

/**
 * A scanned slip's request, sent as soon as the page's script runs: in parallel with the language bundle
 * and the first render instead of after them. Held in memory until the page takes it (once).
 */
let pending: { code: string; slip: Promise<BallotPage> } | null = null;

/** Start reading the slip named in the address fragment, if it names one (a survey code does not). */
export function prefetchFromFragment(fragment: string): void {
  let raw = fragment.replace(/^#/, '');
  if (!raw) return;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: use as is
  }
  if (normaliseSurveyCode(raw)) return;
  const code = normaliseBallotCode(raw);
  if (!code) return;
  const slip = ballotApi.open(code);
  // a failure is reported when the page takes the request, not as an unhandled rejection
  slip.catch(() => undefined);
  pending = { code, slip };
}

/** The prefetched request for this code, handed out once; otherwise a fresh request. */
export function openSlip(code: string): Promise<BallotPage> {
  const found = pending;
  pending = null;
  return found && found.code === code ? found.slip : ballotApi.open(code);
}
