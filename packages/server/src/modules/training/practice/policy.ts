import type { Pack, PracticePolicy } from '@ganbu/core';
import { chinaToday } from '@ganbu/core';
import type pg from 'pg';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';

/** The district's pack version in force today, with what it says of practice postings and stations. */
export async function practicePolicy(ctx: {
  client: pg.ClientBase;
  now: Date;
}): Promise<{ pack: Pack; view: PracticePolicy }> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), chinaToday(ctx.now));
  const section = pack.training ?? null;
  const stations = section?.stations ?? null;
  const scheme = stations ? pack.assessment.schemes.find((s) => s.id === stations.schemeId) : undefined;
  return {
    pack,
    view: {
      packId: pack.id,
      packName: pack.name,
      kinds: (section?.practiceKinds ?? []).map((k) => ({ ...k })),
      stations: stations
        ? {
            schemeId: stations.schemeId,
            schemeName: scheme?.name ?? stations.schemeId,
            planned: stations.planned,
          }
        : null,
    },
  };
}
