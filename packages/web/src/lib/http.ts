import type { ErrorCode } from '@ganbu/core';
import type { z } from 'zod';

/** Codes the client produces itself, besides the server's stable error codes. */
/** `BAD_RESPONSE`: a 2xx answer that does not match the route's response contract. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN' | 'BAD_RESPONSE';

/** An error response of the API: `{code, message, details?}` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly details: unknown;
  /** The whole parsed error body, for answers with extra fields (e.g. an import's `errors` list). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, details?: unknown, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Events that move the user somewhere else, whatever page made the request. */
export type ApiEvent =
  | { type: 'unauthenticated'; expired: boolean }
  | { type: 'password-change-required' }
  | { type: 'totp-enrolment-required' };

let csrfToken: string | null = null;
let apiEventHandler: ((event: ApiEvent) => void) | null = null;

/** The CSRF token from the login response or GET /api/auth/me; kept in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiEventHandler(handler: ((event: ApiEvent) => void) | null): void {
  apiEventHandler = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
export function toQueryString(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function readErrorBody(body: unknown): { code: string; message: string; details?: unknown } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { code, message, details } = body as Record<string, unknown>;
  if (typeof code !== 'string') return null;
  return { code, message: typeof message === 'string' ? message : code, details };
}

function emit(status: number, code: string): void {
  if (!apiEventHandler) return;
  if (status === 401 && (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED')) {
    apiEventHandler({ type: 'unauthenticated', expired: code === 'SESSION_EXPIRED' });
  } else if (status === 403 && code === 'PASSWORD_CHANGE_REQUIRED') {
    apiEventHandler({ type: 'password-change-required' });
  } else if (status === 403 && code === 'TOTP_ENROLMENT_REQUIRED') {
    apiEventHandler({ type: 'totp-enrolment-required' });
  }
}

/** A body sent as is (e.g. an uploaded photo) with its own content type, instead of JSON. */
interface RawBody {
  raw: Blob;
  contentType: string;
}

/** The parsed JSON of an answer's text, or undefined. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The ApiError of a failed answer (and the navigation event it implies). */
function failure(status: number, statusText: string, data: unknown): ApiError {
  const parsed = readErrorBody(data);
  const code = parsed?.code ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN');
  emit(status, code);
  return new ApiError(status, code, parsed?.message ?? statusText, parsed?.details, data);
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  query?: QueryParams,
  rawBody?: RawBody | FormData,
  asBlob = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: asBlob ? '*/*' : 'application/json' };
  let payload: string | Blob | FormData | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (rawBody instanceof FormData) {
      // The browser sets multipart/form-data with its boundary.
      payload = rawBody;
    } else if (rawBody) {
      headers['content-type'] = rawBody.contentType;
      payload = rawBody.raw;
    } else {
      // Body-less actions (logout, unlock, …) still send `{}` so the JSON content type is always present.
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body ?? {});
    }
  }

  let res: Response;
  try {
    res = await fetch(path + toQueryString(query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'network error');
  }

  if (asBlob && res.ok) return (await res.blob()) as T;
  const data = parseJson(await res.text());
  if (!res.ok) throw failure(res.status, res.statusText, data);
  return data as T;
}

/**
 * POST of a multipart form with XMLHttpRequest, so the caller can follow the upload
 * (`onProgress` gets 0–100). Answers and errors as the other requests.
 */
function upload<T>(
  path: string,
  form: FormData,
  query?: QueryParams,
  onProgress?: (percent: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Same-origin, so the session cookie goes along (like fetch's credentials: 'same-origin').
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path + toQueryString(query));
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, xhr.statusText, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.send(form);
  });
}

/**
 * Requests whose answers are files (`getBlob`, `postFormForBlob`). Its JSON methods cast the answer to
 * whatever type the caller names: they are deprecated for `api` below, which parses the answer with the
 * route's response contract, and go once the last caller has moved.
 */
/** Files: answers that are not JSON. JSON answers go through `api`, parsed by their contracts. */
export const http = {
  /** GET of a file (an answer that is not JSON). */
  getBlob: (path: string) => request<Blob>('GET', path, undefined, undefined, undefined, true),
  /** POST of a multipart form whose answer is a file (e.g. an annotated workbook). */
  postFormForBlob: (path: string, form: FormData, query?: QueryParams) =>
    request<Blob>('POST', path, undefined, query, form, true),
};

/**
 * An answer checked against the route's response contract (core `contracts/<module>.ts`): the type comes
 * from the schema, and an answer that does not match fails loudly instead of travelling on as a cast.
 */
function checked<S extends z.ZodType>(schema: S, path: string) {
  return (data: unknown): z.output<S> => {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    throw new ApiError(0, 'BAD_RESPONSE', `${path}: ${parsed.error.message}`, parsed.error.issues, data);
  };
}

/** The API client: every JSON answer is parsed by the response schema its route declares. */
export const api = {
  get: <S extends z.ZodType>(schema: S, path: string, query?: QueryParams) =>
    request<unknown>('GET', path, undefined, query).then(checked(schema, path)),
  post: <S extends z.ZodType>(schema: S, path: string, body?: unknown) =>
    request<unknown>('POST', path, body).then(checked(schema, path)),
  patch: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    request<unknown>('PATCH', path, body).then(checked(schema, path)),
  put: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    request<unknown>('PUT', path, body).then(checked(schema, path)),
  delete: <S extends z.ZodType>(schema: S, path: string) =>
    request<unknown>('DELETE', path).then(checked(schema, path)),
  putRaw: <S extends z.ZodType>(schema: S, path: string, raw: Blob, contentType: string) =>
    request<unknown>('PUT', path, undefined, undefined, { raw, contentType }).then(checked(schema, path)),
  postRaw: <S extends z.ZodType>(
    schema: S,
    path: string,
    raw: Blob,
    contentType: string,
    query?: QueryParams,
  ) => request<unknown>('POST', path, undefined, query, { raw, contentType }).then(checked(schema, path)),
  postForm: <S extends z.ZodType>(schema: S, path: string, form: FormData, query?: QueryParams) =>
    request<unknown>('POST', path, undefined, query, form).then(checked(schema, path)),
  upload: <S extends z.ZodType>(
    schema: S,
    path: string,
    form: FormData,
    query?: QueryParams,
    onProgress?: (percent: number) => void,
  ) => upload<unknown>(path, form, query, onProgress).then(checked(schema, path)),
};
