import { IndicatorPartSchema } from '@ganbu/core';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../selection/indicators/api.ts';

/** The address-bar keys of the roster's filter by a structure indicator (the drill-down's "open in the roster"). */
export const INDICATOR_FILTER_KEYS = ['indicator', 'indicatorPart', 'indicatorAsOf'] as const;

/**
 * 按结构指标筛选：<指标>（分子）: shown while the roster lists exactly the people an indicator's part counts
 * (under the roster's unit, on the indicator's day); dismissing it drops the filter, keeping the others.
 */
export function IndicatorFilterBanner({
  search,
  onDismiss,
}: {
  search: URLSearchParams;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const id = search.get('indicator');
  const part = IndicatorPartSchema.catch('numerator').parse(search.get('indicatorPart') ?? undefined);
  const asOf = search.get('indicatorAsOf') ?? undefined;
  const orgId = search.get('orgId') ?? undefined;
  // the indicator's name as the district's pack in force that day calls it
  const list = useIndicators({ orgId, asOf }, !!id);
  if (!id) return null;
  const name = list.data?.items.find((i) => i.id === id)?.name ?? id;
  const p = 'cadres.indicatorFilter';
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t(`${p}.banner`, { name, part: t(`${p}.parts.${part}`) })}
      description={list.data ? t(`${p}.asOf`, { date: list.data.asOf }) : undefined}
      action={
        <Button size="small" onClick={onDismiss} data-testid="roster-indicator-dismiss">
          {t(`${p}.dismiss`)}
        </Button>
      }
      data-testid="roster-indicator-banner"
    />
  );
}
