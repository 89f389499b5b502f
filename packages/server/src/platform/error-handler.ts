import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, idNumberTaken } from './errors.ts';

export const FASTIFY_CODES: Record<string, { status: number; code: AppError['code']; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的请求内容类型',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '上传的文件过大' },
  FST_FILES_LIMIT: { status: 413, code: 'BODY_TOO_LARGE', message: '一次上传的文件过多' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '请以 multipart/form-data 上传文件',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_JSON', message: '请求长度不正确' },
};

/** Every error leaves as `{code, message, details?}`; no stack trace or SQL leaves the server. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .code(err.status)
        .send({ ...err.body, code: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: v.instancePath,
        message: v.message,
        keyword: v.keyword,
        params: v.params,
      }));
      const unknown = err.validation.some((v) => v.keyword === 'unrecognized_keys');
      return reply.code(400).send({
        code: unknown ? 'UNKNOWN_FIELD' : 'VALIDATION',
        message: unknown ? '请求包含不允许的字段' : '请求数据不合法',
        details: issues,
      });
    }
    // PostgreSQL 42501: a row-level security policy refused the row (outside the user's scope)
    if ((err as { code?: string }).code === '42501') {
      return reply.code(403).send({ code: 'FORBIDDEN', message: '超出您的数据范围' });
    }
    // PostgreSQL 23505: a unique value already exists — possibly in a row the user cannot see (e.g. an ID
    // number registered in another street): the answer is the one for a duplicate in scope, naming nothing
    if ((err as { code?: string }).code === '23505') {
      const constraint = (err as { constraint?: string }).constraint ?? '';
      if (constraint.includes('id_number')) {
        const taken = idNumberTaken();
        return reply.code(taken.status).send({ code: taken.code, message: taken.message });
      }
      return reply.code(409).send({ code: 'CONFLICT', message: '数据已存在，不能重复登记' });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.code(known.status).send({ code: known.code, message: known.message });
    if (err.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (isResponseSerializationError(err))
      req.log.error({ err: err.cause }, 'response did not match its schema');
    else req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系系统管理员' });
  });
}
