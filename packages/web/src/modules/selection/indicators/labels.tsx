import type { IndicatorValue } from '@ganbu/core';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Judged = Pick<IndicatorValue, 'met'>;
type Gap = Pick<IndicatorValue, 'met' | 'gap' | 'units'> & { target: IndicatorValue['target'] };

/** 达标 / 未达标 / 未评判 (a share of an empty population is not judged). */
export function MetTag({ value, testId }: { value: Judged; testId?: string }) {
  const { t } = useTranslation();
  const p = 'selection.indicators.met';
  if (value.met === null)
    return (
      <Tag data-testid={testId} style={{ marginInlineEnd: 0 }}>
        {t(`${p}.none`)}
      </Tag>
    );
  return (
    <Tag color={value.met ? 'green' : 'red'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(value.met ? `${p}.yes` : `${p}.no`)}
    </Tag>
  );
}

/**
 * What is still missing: 还差 N 人 (at least) / 超出 N 人 (at most); judged per unit, how many units fall short
 * too. Empty when met or not judged.
 */
export function gapText(t: TFunction, v: Gap): string {
  if (v.met !== false) return '';
  const p = 'selection.indicators.gap';
  const people = t(v.target.op === 'gte' ? `${p}.missing` : `${p}.over`, { n: v.gap });
  if (!v.units) return people;
  return t(`${p}.units`, { units: v.units.judged - v.units.meeting, people });
}

/** 已评判 8 个单位，6 个达标 (judged per unit), else empty. */
export function unitsText(t: TFunction, v: Pick<IndicatorValue, 'units'>): string {
  return v.units
    ? t('selection.indicators.unitsJudged', { judged: v.units.judged, meeting: v.units.meeting })
    : '';
}
