import type { ErrorCode, PasswordViolation } from '@ganbu/core';
import { i18n } from '../i18n/index.ts';
import { isApiError } from './http.ts';

const VIOLATIONS: readonly PasswordViolation[] = ['TOO_SHORT', 'TOO_FEW_CLASSES', 'CONTAINS_USERNAME'];

/** Keys of `errors.*` that are not server codes. */
const CLIENT_KEYS: ReadonlySet<string> = new Set(['NETWORK', 'UNKNOWN', 'withDetails']);

/**
 * A server error code with its own text. Every ErrorCode has one (the typed `t()` below proves it), so
 * this asks the texts instead of importing core's list: the public ballot page then loads no core code.
 */
function isErrorCode(code: string): code is ErrorCode {
  return !CLIENT_KEYS.has(code) && i18n.exists(`errors.${code}`);
}

function isViolation(v: unknown): v is PasswordViolation {
  return typeof v === 'string' && (VIOLATIONS as readonly string[]).includes(v);
}

/** The password-policy violations carried by a PASSWORD_POLICY error, if any. */
export function passwordViolations(err: unknown): PasswordViolation[] {
  if (!isApiError(err) || err.code !== 'PASSWORD_POLICY' || !Array.isArray(err.details)) return [];
  return err.details.filter(isViolation);
}

/** A clear, translated message for any error thrown by the API client. */
export function errorMessage(err: unknown): string {
  if (!isApiError(err)) return i18n.t('errors.UNKNOWN');
  if (err.code === 'NETWORK') return i18n.t('errors.NETWORK');
  if (isErrorCode(err.code)) {
    const base = i18n.t(`errors.${err.code}`);
    const violations = passwordViolations(err);
    if (violations.length > 0) {
      return i18n.t('errors.withDetails', {
        message: base,
        details: violations.map((v) => i18n.t(`password.violations.${v}`)).join(i18n.t('common.listSep')),
      });
    }
    return base;
  }
  return err.message || i18n.t('errors.UNKNOWN');
}

/** Errors that make the app navigate away; no toast is needed for them. */
export function isRedirectError(err: unknown): boolean {
  return (
    isApiError(err) &&
    ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED'].includes(
      err.code,
    )
  );
}
