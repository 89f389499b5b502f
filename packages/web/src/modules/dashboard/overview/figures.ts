import type { DashboardSection } from '@ganbu/core';
import type { TFunction } from 'i18next';
import { theme } from '../../../app/theme.ts';
import type { ChartTexts } from './chart-option.ts';

type Unit = DashboardSection['unit'];

/** A figure as written in the tables and tooltips: money with fen, percent with one decimal, counts whole. */
export function formatFigure(v: number, unit: Unit, lang: string): string {
  const digits = unit === 'yuan' ? 2 : unit === 'percent' ? 1 : Number.isInteger(v) ? 0 : 1;
  return v.toLocaleString(lang, {
    minimumFractionDigits: unit === 'yuan' ? 2 : 0,
    maximumFractionDigits: digits,
  });
}

/** A figure on an axis or a bar: short (1,234 → 1,234; 12,345,678 元 → 1234.6万). */
export function formatShort(v: number, unit: Unit, lang: string): string {
  if (Math.abs(v) >= 100_000)
    return new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  if (unit === 'percent') return `${v.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
  return v.toLocaleString(lang, { maximumFractionDigits: unit === 'yuan' ? 0 : 1 });
}

/** The words a section's chart needs, in the page's language. */
export function chartTexts(t: TFunction, unit: Unit, lang: string): ChartTexts {
  const p = 'dashboard.overview';
  return {
    target: t(`${p}.target`),
    empty: t(`${p}.empty`),
    value: (v) =>
      v === null ? t(`${p}.notApplicable`) : t(`${p}.value.${unit}`, { value: formatFigure(v, unit, lang) }),
    axis: (v) => formatShort(v, unit, lang),
    fontFamily: theme.token?.fontFamily ?? 'sans-serif',
  };
}
