import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_QUERY,
  countFilters,
  filtersOf,
  loadColumns,
  loadSavedFilters,
  parseQuery,
  queryFromSearch,
  searchFromQuery,
  storeSavedFilters,
} from './roster-query.ts';

/** A Storage in memory (the tests run in Node). */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('the roster query in the address bar', () => {
  it('defaults to page 1, 20 a page, by unit ascending', () => {
    expect(DEFAULT_QUERY).toEqual({ sort: 'org', order: 'asc', page: 1, pageSize: 20 });
  });

  it('checks each value on its own: a bad one drops only itself', () => {
    expect(
      parseQuery({
        q: '张',
        ageMin: '30',
        ageMax: 'abc',
        gender: 'x',
        professionalType: 'true',
        page: '2',
        pageSize: '500',
        unknown: 'y',
        tag: '',
      }),
    ).toEqual({
      q: '张',
      ageMin: 30,
      professionalType: true,
      sort: 'org',
      order: 'asc',
      page: 2,
      pageSize: 20,
    });
    // numbers and booleans from a saved filter are read as their text
    expect(parseQuery({ ageMax: 45, streetOrTownship: false })).toEqual({
      ...DEFAULT_QUERY,
      ageMax: 45,
      streetOrTownship: false,
    });
  });

  it('leaves defaults out of the address bar and reads back what it wrote', () => {
    const query = { ...DEFAULT_QUERY, q: '李', page: 3, professionalType: false, sort: 'name' as const };
    const search = searchFromQuery(query);
    expect(search).toEqual({ q: '李', professionalType: 'false', sort: 'name', page: '3' });
    expect(searchFromQuery(DEFAULT_QUERY)).toEqual({});
    expect(queryFromSearch(new URLSearchParams(search))).toEqual(query);
  });

  it('separates the filters from order and paging, and counts them', () => {
    const filters = filtersOf({ ...DEFAULT_QUERY, q: '李', gender: 'female', page: 4 });
    expect(filters).toEqual({ q: '李', gender: 'female' });
    expect(countFilters(filters)).toBe(2);
    expect(countFilters({})).toBe(0);
  });
});

describe('saved filters and columns, kept in this browser', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps only well-formed saved filters, each value checked', () => {
    localStorage.setItem(
      'ganbu.cadres.savedFilters.zhang',
      JSON.stringify([
        { name: '村书记', filters: { category: 'comprehensive', ageMax: '45', gender: '?', page: '3' } },
        { name: 3, filters: {} },
        'x',
        { name: '无条件' },
      ]),
    );
    expect(loadSavedFilters('zhang')).toEqual([
      { name: '村书记', filters: { category: 'comprehensive', ageMax: 45 } },
    ]);
    expect(loadSavedFilters('li')).toEqual([]);
    storeSavedFilters('li', [{ name: '女干部', filters: { gender: 'female' } }]);
    expect(loadSavedFilters('li')).toEqual([{ name: '女干部', filters: { gender: 'female' } }]);
  });

  it('shows the stored columns that still exist, else the default ones', () => {
    expect(loadColumns(['name', 'org', 'rank'], ['name', 'org'])).toEqual(['name', 'org']);
    localStorage.setItem('ganbu.cadres.columns', JSON.stringify(['rank', 'bogus', 'name', 7]));
    expect(loadColumns(['name', 'org', 'rank'], ['name'])).toEqual(['rank', 'name']);
    localStorage.setItem('ganbu.cadres.columns', '{not json');
    expect(loadColumns(['name'], ['name'])).toEqual(['name']);
  });
});
