import type { Org, Pack, RoundState, Source, TieBreak } from '@ganbu/core';
import type { TFunction } from 'i18next';
import type { Figure } from '../../hooks/api/assessment.ts';

/** Tag colours of the round states (antd preset colours). */
export const STATE_COLORS: Record<RoundState, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  computed: 'purple',
  published: 'success',
};

/** A figure in its shortest exact form: "40" for a whole number, else the rounded decimal ("57.14"). */
export function figureShort(f: Figure | null | undefined): string {
  if (!f) return '—';
  return f.fraction.includes('/') ? f.value : f.fraction;
}

/** A ballot score kept in hundredths ("9000") as points ("90.00"). */
export function hundredthsText(h: string): string {
  const n = BigInt(h);
  const whole = n / 100n;
  const rest = (n % 100n).toString().padStart(2, '0');
  return `${whole.toString()}.${rest}`;
}

/** The source of the number at `pointer`: its own entry or the nearest enclosing one. */
export function sourceOf(sources: Pack['sources'], pointer: string): Source | null {
  let p = pointer;
  while (p) {
    const s = sources[p];
    if (s) return s;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

/** 依据：种子文件 004「…」 / 依据：《条例》第十条 / 假设：… */
export function sourceText(t: TFunction, source: Source | null): string {
  if (!source) return t('assessment.source.none');
  if ('seed' in source) return t('assessment.source.seed', { seed: source.seed, figure: source.figure });
  if ('regulation' in source)
    return t('assessment.source.regulation', { regulation: source.regulation, article: source.article });
  return t('assessment.source.assumed', { text: source.assumed });
}

/** Names of units by id, from the org list and (for units outside it) the round's targets. */
export function unitNames(orgs: readonly Org[] | undefined, extra: Iterable<[string, string]> = []) {
  const names = new Map<string, string>(extra);
  for (const o of orgs ?? []) names.set(o.id, o.name);
  return names;
}

/** A quota group or pool key ('population', 'unit:<id>', 'parent:<id>') in words. */
export function quotaKeyLabel(t: TFunction, key: string, names: ReadonlyMap<string, string>): string {
  if (key === 'population') return t('assessment.quotaKey.population');
  const [kind, id = ''] = key.split(':', 2);
  const name = names.get(id) ?? id.slice(0, 8);
  return kind === 'parent'
    ? t('assessment.quotaKey.parent', { name })
    : t('assessment.quotaKey.unit', { name });
}

/** One tie-break rule in words; group and criterion ids are named from the scheme. */
export function tieBreakText(
  t: TFunction,
  tb: TieBreak,
  groupName: (id: string) => string,
  criterionName: (id: string) => string,
): string {
  switch (tb.by) {
    case 'groupScore':
      return t('assessment.quota.tieBreak.groupScore', { group: groupName(tb.groupId) });
    case 'criterionScore':
      return t('assessment.quota.tieBreak.criterionScore', { criterion: criterionName(tb.criterionId) });
    case 'ballotCount':
      return t('assessment.quota.tieBreak.ballotCount');
  }
}

/** Copies text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
