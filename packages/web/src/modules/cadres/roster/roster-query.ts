import { CadreListQuerySchema, type CadreListQuery } from '@ganbu/core';
import type { CadreFilters } from '../../../hooks/api/cadres.ts';

type QueryKey = keyof CadreListQuery;
const SHAPE = CadreListQuerySchema.shape;
const KEYS = Object.keys(SHAPE) as QueryKey[];
const FILTER_KEYS = KEYS.filter((k) => !['sort', 'order', 'page', 'pageSize'].includes(k)) as Array<
  keyof CadreFilters
>;

/** Defaults of the list query (page 1, 20 a page, by unit ascending). */
export const DEFAULT_QUERY: CadreListQuery = CadreListQuerySchema.parse({});

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * A list query from loose text values (the address bar or a saved filter): every key is checked
 * on its own with the core schema, so one bad value drops only itself.
 */
export function parseQuery(source: Record<string, unknown>): CadreListQuery {
  const clean: Record<string, string> = {};
  for (const key of KEYS) {
    const text = asText(source[key]);
    if (text === undefined) continue;
    if (SHAPE[key].safeParse(text).success) clean[key] = text;
  }
  const parsed = CadreListQuerySchema.safeParse(clean);
  return parsed.success ? parsed.data : DEFAULT_QUERY;
}

export function queryFromSearch(search: URLSearchParams): CadreListQuery {
  return parseQuery(Object.fromEntries(search.entries()));
}

/** Address-bar form of the query; defaults are left out so a plain `/cadres` is the default view. */
export function searchFromQuery(query: CadreListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = query[key];
    if (value === undefined || value === DEFAULT_QUERY[key]) continue;
    out[key] = String(value);
  }
  return out;
}

/** Only the filters of a query (no order, no page). */
export function filtersOf(query: CadreListQuery): CadreFilters {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (query[key] !== undefined) out[key] = query[key];
  return out;
}

export function countFilters(filters: CadreFilters): number {
  return FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
}

// ---- saved filters (常用条件), kept in this browser per user ----

export interface SavedFilter {
  name: string;
  filters: CadreFilters;
}

const savedKey = (username: string) => `ganbu.cadres.savedFilters.${username}`;

export function loadSavedFilters(username: string): SavedFilter[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(savedKey(username)) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { name, filters } = item as { name?: unknown; filters?: unknown };
      if (typeof name !== 'string' || typeof filters !== 'object' || filters === null) return [];
      return [{ name, filters: filtersOf(parseQuery(filters as Record<string, unknown>)) }];
    });
  } catch {
    return [];
  }
}

export function storeSavedFilters(username: string, list: readonly SavedFilter[]): void {
  try {
    localStorage.setItem(savedKey(username), JSON.stringify(list));
  } catch {
    // storage unavailable (private mode): the list lives for this visit only
  }
}

// ---- visible columns ----

const COLUMNS_KEY = 'ganbu.cadres.columns';

export function loadColumns(allowed: readonly string[], fallback: readonly string[]): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    if (!Array.isArray(raw)) return [...fallback];
    return raw.filter((k): k is string => typeof k === 'string' && allowed.includes(k));
  } catch {
    return [...fallback];
  }
}

export function storeColumns(keys: readonly string[]): void {
  try {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(keys));
  } catch {
    // see storeSavedFilters
  }
}
