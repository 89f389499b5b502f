import type { TFunction } from 'i18next';
import { errorMessage } from '../../lib/errors.ts';
import { isApiError } from '../../lib/http.ts';
import { quotaKeyLabel } from './labels.ts';

/**
 * Refusals whose server wording (Chinese, specific: "‘…’最多 20 人评议，已发放 17 张…", "有 1 个考核对象
 * 评议人数不足…") says more than the code's general text.
 */
const OWN_WORDS = new Set([
  'ROUND_STATE',
  'ROUND_INSUFFICIENT',
  'SCORES_DISCLOSED',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_FOUND',
  'TOKEN_USED',
  'TOKEN_INVALID',
  'REASON_REQUIRED',
]);

interface QuotaViolation {
  code: string;
  quotaKey?: string;
  count?: number;
  places?: number;
}

function quotaViolation(details: unknown): QuotaViolation | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const list = (details as { violations?: unknown }).violations;
  if (!Array.isArray(list)) return undefined;
  return (list as QuotaViolation[]).find((v) => v.code === 'QUOTA_EXCEEDED');
}

/**
 * What went wrong with an assessment request, in Chinese: a quota refusal names the quota group by
 * its unit (the server's text carries its id), other refusals in the server's own words, the
 * translated text of the error code otherwise (body validation, network, server error).
 */
export function assessmentErrorText(
  t: TFunction,
  err: unknown,
  unitNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (!isApiError(err)) return errorMessage(err);
  if (err.code === 'QUOTA_EXCEEDED') {
    const v = quotaViolation(err.details);
    if (v?.quotaKey !== undefined)
      return t('assessment.override.quotaExceeded', {
        key: quotaKeyLabel(t, v.quotaKey, unitNames),
        count: v.count ?? 0,
        places: v.places ?? 0,
      });
    return errorMessage(err);
  }
  // the server's own validation messages are sentences; schema failures are not
  if (err.code === 'VALIDATION' && !Array.isArray(err.details) && err.message) return err.message;
  return OWN_WORDS.has(err.code) && err.message ? err.message : errorMessage(err);
}
