import { CadreListQuerySchema, type DashboardRow } from '@ganbu/core';

const SHAPE = CadreListQuerySchema.shape;

export interface RosterLink {
  /** `/cadres?…` with the row's filter, or null when the roster would not select the same people */
  href: string | null;
  /** parameters the roster's list query does not read or would drop as malformed (they would widen the list) */
  unread: string[];
}

/**
 * 在名册中查看: the roster page reads its filters from the address bar, each checked on its own by the list
 * query's schema (a key it does not know or a value it refuses is dropped). A dropped key would silently show
 * more people than the figure counts, so such a row gets no link (and says which keys were the trouble).
 */
export function rosterLink(rosterQuery: DashboardRow['rosterQuery']): RosterLink {
  if (!rosterQuery) return { href: null, unread: [] };
  const search = new URLSearchParams();
  const unread: string[] = [];
  for (const [key, value] of Object.entries(rosterQuery)) {
    const field = (SHAPE as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[key];
    const text = String(value);
    if (!field || ['page', 'pageSize', 'sort', 'order'].includes(key) || !field.safeParse(text).success) {
      unread.push(key);
      continue;
    }
    search.set(key, text);
  }
  if (unread.length > 0 || [...search.keys()].length === 0) return { href: null, unread };
  return { href: `/cadres?${search.toString()}`, unread };
}
