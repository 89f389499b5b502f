import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';

/**
 * What went wrong with an upload that has no list of problems: the server's own words for a 400
 * (e.g. 没有收到文件), the translated text of the error code otherwise (413, 415, network …).
 */
export function failureText(err: unknown): string {
  return isApiError(err) && err.status === 400 && err.message ? err.message : errorMessage(err);
}
