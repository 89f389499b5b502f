import { expect } from 'vitest';
import { injectAs, type Session, type TestApp } from '../helpers.ts';

/**
 * The calls the assessment tests make through the API, as the file's organiser (getters: the app and the
 * session are made in the file's `beforeAll`): slips issued, ballots cast, round transitions.
 */
export function roundApi(app: () => TestApp, organiser: () => Session) {
  const as = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    injectAs(app(), s, { method, url, ...(payload ? { payload } : {}) });

  /** issue `count` slips of a rater group (of one unit); returns their codes */
  async function tokens(roundId: string, groupId: string, count: number, unitId?: string): Promise<string[]> {
    const res = await as(organiser(), 'POST', `/api/assessment/rounds/${roundId}/tokens`, {
      groupId,
      count,
      ...(unitId ? { unitId } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ codes: string[] }>().codes;
  }

  /** cast the ballot of a slip: points per target id */
  async function vote(code: string, scores: Record<string, number[]>) {
    const res = await as(null, 'POST', `/api/ballot/${code}`, {
      scores: Object.entries(scores).map(([targetId, points]) => ({ targetId, points })),
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  const transition = (roundId: string, action: string) =>
    as(organiser(), 'POST', `/api/assessment/rounds/${roundId}/transition`, { action });

  return { as, tokens, vote, transition };
}
