import type { ErrorCode } from '@ganbu/core';

/** An error with a stable code that the API returns as `{code, message, details}`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** extra top-level fields of the answer (e.g. an import's `errors` list) */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * A create or change refused because the ID number is registered already. One answer whether that record
 * is in the user's scope or in a unit they cannot see, so it never tells that a person exists elsewhere.
 */
export const idNumberTaken = () =>
  new AppError(409, 'CONFLICT', '该身份证号不能登记：已登记或不在您的数据范围内，请核对或联系组织部');

export const notFound = (what = '对象') =>
  new AppError(404, 'NOT_FOUND', `${what}不存在或不在您的数据范围内`);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, 'CONFLICT', message, details);
