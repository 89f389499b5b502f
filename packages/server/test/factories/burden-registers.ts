import type { TestDb } from '../helpers.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 16): meeting, document, inspection and overtime entries of the foreign street.
 * Every value is an id of a row in the foreign street's scope; the fixture adds them all to `foreignIds`
 * (none may appear in an answer to a user outside it). Filled in by the part that owns these tables.
 */
export type BurdenRegisterRows = Record<string, string>;

export async function newBurdenRegisterRows(
  _db: TestDb,
  _r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<BurdenRegisterRows> {
  return {};
}
