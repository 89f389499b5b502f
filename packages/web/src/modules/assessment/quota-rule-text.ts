import type { QuotaRule } from '@ganbu/core';
import type { TFunction } from 'i18next';
import { tieBreakText } from './labels.ts';

/**
 * A quota rule (优秀比例) as the sentences the pack view and the calibration tab show: the share line,
 * remainders pooled or not, approved exceptions or not, and the numbered tie-breaks ending with the
 * final one.
 */
export function quotaRuleText(
  t: TFunction,
  rule: Pick<
    QuotaRule,
    'share' | 'rounding' | 'groupBy' | 'poolRemainders' | 'allowApprovedException' | 'tieBreak'
  >,
  gradeName: string,
  groupName: (id: string) => string,
  criterionName: (id: string) => string,
): { line: string; pool: string; exception: string; tieBreaks: string } {
  return {
    line: t('assessment.quota.line', {
      grade: gradeName,
      share: rule.share,
      rounding: t(`assessment.rounding.${rule.rounding}`),
      groupBy: t(`assessment.groupBy.${rule.groupBy}`),
    }),
    pool: rule.poolRemainders ? t('assessment.quota.pool') : t('assessment.quota.noPool'),
    exception: rule.allowApprovedException
      ? t('assessment.quota.exception')
      : t('assessment.quota.noException'),
    tieBreaks: `${t('assessment.quota.tieBreakTitle')}：${[
      ...rule.tieBreak.map((tb, i) => `${i + 1}. ${tieBreakText(t, tb, groupName, criterionName)}`),
      `${rule.tieBreak.length + 1}. ${t('assessment.quota.tieFinal')}`,
    ].join('；')}`,
  };
}
