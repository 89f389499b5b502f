import type { DisciplineKind, DisciplineRecord } from '@ganbu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisciplineKinds } from './api.ts';

/** The name of a record's kind and grade from the pack's kinds (the codes when the pack lacks them). */
export function kindLabel(
  kinds: readonly DisciplineKind[] | undefined,
  kind: string,
  grade: string | null,
  english: boolean,
): string {
  const k = kinds?.find((x) => x.id === kind);
  const name = (english ? k?.nameEn : k?.name) ?? kind;
  if (grade === null) return name;
  const g = k?.grades.find((x) => x.id === grade);
  const gradeName = (english ? g?.nameEn : g?.name) ?? grade;
  return english ? `${name} (${gradeName})` : `${name}（${gradeName}）`;
}

/** A hook giving `label(kind, grade)` in the current language. */
export function useKindLabel() {
  const { i18n } = useTranslation();
  const kinds = useDisciplineKinds();
  const english = i18n.language === 'en';
  return (kind: string, grade: string | null) => kindLabel(kinds.data?.items, kind, grade, english);
}

/** 有效 / 已免责 / 已撤销 as a tag. */
export function RecordStateTag({ record }: { record: DisciplineRecord }) {
  const { t } = useTranslation();
  if (record.revokedOn) return <Tag>{t('discipline.records.revoked')}</Tag>;
  if (record.decisions.some((d) => d.outcome === 'exempt'))
    return <Tag color="green">{t('discipline.records.exempted')}</Tag>;
  return <Tag color="red">{t('discipline.records.effective')}</Tag>;
}

export const OUTCOME_COLOR = { exempt: 'green', lighter: 'blue', mitigated: 'cyan', refused: 'red' } as const;
export const CONCLUSION_COLOR = {
  founded: 'red',
  partly_founded: 'orange',
  unfounded: 'green',
  false_accusation: 'purple',
} as const;
