import type { HonourBoard } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as repo from './repository.ts';

/**
 * 英雄榜 (R-HON-2): the year's decided honours of the reader's district, highest kind rank first, visible to
 * every business user of the district (honour.board) — not only to those whose scope holds the cadre. Read
 * through the reviewed queries of ./repository.ts in the system scope, restored right after.
 */

async function asSystem<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  await setSystemScope(ctx.client);
  try {
    return await fn();
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

function districtOf(ctx: RequestContext): string {
  if (!ctx.actor) throw forbidden();
  return ctx.actor.orgPath.split('.')[0]!;
}

export async function board(ctx: RequestContext, year: number): Promise<HonourBoard> {
  const district = districtOf(ctx);
  const rows = await asSystem(ctx, () => repo.boardRows(ctx.client, district, year));
  return {
    year,
    items: rows.map((r) => ({
      id: r.id,
      cadreName: r.cadre_name,
      unitName: r.unit_name,
      postTitle: r.post_title,
      kindId: r.kind_id,
      kindName: r.kind_name,
      kindRank: r.kind_rank,
      batchName: r.batch_name,
      decidedOn: r.decided_on,
      documentNumber: r.document_number,
      deeds: r.deeds,
      photoUrl: r.has_photo ? `/api/honours/board/${r.id}/photo` : null,
    })),
  };
}

export async function photo(ctx: RequestContext, id: string) {
  const district = districtOf(ctx);
  const p = await asSystem(ctx, () => repo.boardPhoto(ctx.client, district, id));
  if (!p) throw notFound('照片');
  return p;
}
