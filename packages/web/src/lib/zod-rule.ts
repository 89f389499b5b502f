import type { Rule } from 'antd/es/form';
import type { ZodType, core } from 'zod';
import { i18n } from '../i18n/index.ts';

/**
 * Per-parse error map: turns zod issues into translated messages. Messages written into the
 * core schemas themselves (e.g. the org code pattern) take precedence over this map.
 */
export function zodIssueMessage(issue: core.$ZodRawIssue): string {
  // Nothing entered: whatever the schema expected, the field is required.
  if (issue.input === undefined || issue.input === null) return i18n.t('validation.required');
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'int') return i18n.t('validation.integer');
    if (issue.expected === 'number') return i18n.t('validation.number');
    return i18n.t('validation.invalid');
  }
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string') {
      return min <= 1 ? i18n.t('validation.required') : i18n.t('validation.tooShort', { min });
    }
    if (issue.origin === 'array' || issue.origin === 'set') return i18n.t('validation.tooFew', { min });
    return i18n.t('validation.tooSmall', { min });
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'string') return i18n.t('validation.tooLong', { max });
    if (issue.origin === 'array' || issue.origin === 'set') return i18n.t('validation.tooMany', { max });
    return i18n.t('validation.tooBig', { max });
  }
  if (issue.code === 'invalid_format') {
    return issue.format === 'uuid' ? i18n.t('validation.uuid') : i18n.t('validation.format');
  }
  return i18n.t('validation.invalid');
}

/**
 * An antd Form rule that validates a field with a zod schema from @ganbu/core.
 * Empty strings count as "not given". `wrap` adapts the field value to the schema's input.
 */
export function zodRule(
  schema: ZodType,
  options: { wrap?: (value: unknown) => unknown; message?: string } = {},
): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const input = value === '' ? undefined : value;
      const result = schema.safeParse(options.wrap ? options.wrap(input) : input, { error: zodIssueMessage });
      if (!result.success) {
        throw new Error(options.message ?? result.error.issues[0]?.message ?? i18n.t('validation.invalid'));
      }
    },
  };
}

/** Keeps only digits, for one-time-code inputs. */
export function digitsOnly(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\D/g, '') : '';
}

/** '' and whitespace-only become undefined, so optional fields are left out of the request. */
export function blankToUndefined(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value.trim() === '' ? undefined : value;
}
