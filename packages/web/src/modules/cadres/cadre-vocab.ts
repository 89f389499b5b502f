import { CADRE_CATEGORIES, CADRE_TAGS, ORG_KINDS, ROLE_KINDS } from '@ganbu/core';
import type { TFunction } from 'i18next';

/**
 * Common values of free-text record fields, as they are written in the records (and matched
 * exactly by the roster filters). They are data, not UI text, so they stay Chinese in every locale;
 * the fields still accept any other value.
 */
export const EDUCATION_VALUES = ['研究生', '大学', '大专', '中专', '高中', '初中及以下'] as const;
export const DEGREE_VALUES = ['博士', '硕士', '学士'] as const;
export const POLITICAL_STATUS_VALUES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民主党派',
  '无党派人士',
  '群众',
] as const;
export const RANK_VALUES = [
  '正处级',
  '副处级',
  '正科级',
  '副科级',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '二级科员',
] as const;
export const RELATION_VALUES = ['妻子', '丈夫', '儿子', '女儿', '父亲', '母亲'] as const;

export const valueOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function categoryOptions(t: TFunction) {
  return CADRE_CATEGORIES.map((c) => ({ value: c, label: t(`cadreCategories.${c}`) }));
}

export function tagOptions(t: TFunction) {
  return CADRE_TAGS.map((c) => ({ value: c, label: t(`cadreTags.${c}`) }));
}

export function roleKindOptions(t: TFunction) {
  return ROLE_KINDS.map((c) => ({ value: c, label: t(`roleKinds.${c}`) }));
}

export function orgKindOptions(t: TFunction) {
  return ORG_KINDS.map((c) => ({ value: c, label: t(`orgKinds.${c}`) }));
}

const isKnownTag = (tag: string): tag is (typeof CADRE_TAGS)[number] =>
  (CADRE_TAGS as readonly string[]).includes(tag);

/** A tag's label: known tags are translated, others are shown as written. */
export function tagLabel(t: TFunction, tag: string): string {
  return isKnownTag(tag) ? t(`cadreTags.${tag}`) : tag;
}

export const FACT_KEYS = [
  'age',
  'yearsOfWork',
  'grassrootsYears',
  'streetOrTownship',
  'streetLeadership',
  'townshipSecretary',
  'currentRank',
  'currentRankSince',
  'currentRankYears',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export const isFactKey = (key: string): key is FactKey => (FACT_KEYS as readonly string[]).includes(key);

/** Unit shown after a fact's number. */
export const FACT_UNITS: Partial<Record<FactKey, 'years' | 'yearsOld'>> = {
  age: 'yearsOld',
  yearsOfWork: 'years',
  grassrootsYears: 'years',
  currentRankYears: 'years',
};
