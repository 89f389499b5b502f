import { CadreRecordInputSchema } from '@ganbu/core';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { zodRule } from '../../../lib/zod-rule.ts';

export const S = CadreRecordInputSchema.shape;

/** A date typed as `YYYY-MM` or `YYYY-MM-DD` (the core PartialDateSchema), with a translated message. */
export function dateRules(t: TFunction, required: boolean): Rule[] {
  const format = zodRule(S.partyJoinDate, { message: t('cadreForm.dateFormat') });
  return required ? [{ required: true, message: t('validation.required') }, format] : [format];
}

/** Shape check of a mainland ID number (15 or 18 characters); the server checks the rest. */
export function idNumberRules(t: TFunction): Rule[] {
  return [
    zodRule(S.idNumber),
    { pattern: /^(\d{15}|\d{17}[\dXx])$/, message: t('cadreForm.idNumberFormat') },
  ];
}

/** Grid of the form: up to three fields a row. */
export const COL = { xs: 24, sm: 12, lg: 8 } as const;
export const WIDE = { xs: 24 } as const;
