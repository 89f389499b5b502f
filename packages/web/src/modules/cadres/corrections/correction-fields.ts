import { CORRECTABLE_FIELDS, type CadreDetail, type Correction } from '@ganbu/core';
import type { TFunction } from 'i18next';

export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export type CorrectionStatus = Correction['status'];

/** Fields kept as a list in their own tab: the current value is shown there, not in one cell. */
const LIST_TABS = { family: 'family', appointments: 'appointments' } as const;

/** The label of a correctable field, the same words as on the record page. */
export function fieldLabel(t: TFunction, field: CorrectableField): string {
  if (field === 'family' || field === 'appointments') return t(`cadre.tabs.${LIST_TABS[field]}`);
  if (field === 'other') return t('corrections.fieldOther');
  return t(`cadre.${field}`);
}

/**
 * What the record holds now for a field, as the page shows it (sensitive values masked unless
 * revealed); a pointer to the tab for lists; '' when empty; null when there is no single value.
 */
export function currentValue(t: TFunction, cadre: CadreDetail, field: CorrectableField): string | null {
  if (field === 'family' || field === 'appointments') {
    return t('corrections.seeTab', { tab: t(`cadre.tabs.${LIST_TABS[field]}`) });
  }
  if (field === 'other') return null;
  return cadre[field] ?? '';
}

export const STATUS_COLORS: Record<CorrectionStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  rejected: 'default',
};
