import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';

/** Refusals whose server wording says more than the code's general text (e.g. 该申请已处理). */
const OWN_WORDS = new Set(['FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);

/**
 * What went wrong with a correction request or decision: the server's own (Chinese) words for its
 * refusals, the translated text of the error code otherwise (validation, network, server error).
 */
export function correctionErrorText(err: unknown): string {
  return isApiError(err) && OWN_WORDS.has(err.code) && err.message ? err.message : errorMessage(err);
}
