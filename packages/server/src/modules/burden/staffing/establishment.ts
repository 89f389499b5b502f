import { UNIT_KIND_LABELS, type EstablishmentQuery, type EstablishmentReport } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { packInForce } from './borrowings.ts';
import * as repo from './repository.ts';

/**
 * 专编专用 (R-BUR-2): per unit of the pack's `burden.establishment.protectedUnitKinds` (Fengze: streets) its
 * establishment (orgs.establishment: counts per kind), the people on it (cadres.establishment_org_id), of
 * whom those working outside the unit (named, with where) — and the people working in it on another unit's
 * establishment. Read in the caller's scope (a street sees only the people it may see).
 */

const KIND_NAMES: Record<string, string> = {
  administrative: '行政编制',
  institution: '事业编制',
  village_post: '村(社区)干部职数',
};

export async function establishmentReport(
  ctx: RequestContext,
  q: EstablishmentQuery,
): Promise<EstablishmentReport> {
  const pack = await packInForce(ctx);
  const kinds = pack.burden?.establishment?.protectedUnitKinds ?? [];
  const kindWords = kinds.map((k) => UNIT_KIND_LABELS[k] ?? k).join('、');
  if (!kinds.length)
    return {
      protectedUnitKinds: [],
      units: [],
      occupied: 0,
      explanation: `${pack.name}未规定专编专用的检查范围，本表不作统计`,
    };
  let underPath: string | null = null;
  if (q.orgId) {
    const org = await repo.findOrg(ctx.client, q.orgId);
    if (!org) throw notFound('单位');
    underPath = org.path;
  }
  const units = await repo.protectedUnits(ctx.client, kinds, underPath);
  const rows = await repo.misplaced(
    ctx.client,
    units.map((u) => u.id),
  );
  const out = units.map((u) => {
    const mine = rows.filter((r) => r.unit_id === u.id);
    const away = mine
      .filter((r) => r.side === 'away')
      .map((r) => ({ cadreId: r.cadre_id, name: r.name, orgId: r.other_id, orgName: r.other_name }));
    const hosted = mine
      .filter((r) => r.side === 'hosted')
      .map((r) => ({ cadreId: r.cadre_id, name: r.name, orgId: r.other_id, orgName: r.other_name }));
    const total = Object.values(u.establishment).reduce((s, n) => s + n, 0);
    const order = Object.keys(KIND_NAMES);
    const est = Object.entries(u.establishment)
      .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
      .map(([k, n]) => `${KIND_NAMES[k] ?? k}${n}名`)
      .join('、');
    const awayText = away.length
      ? `其中${away.length}人在其他单位工作（${away.map((a) => `${a.name}在${a.orgName}`).join('；')}），属占用${u.name}编制`
      : '无在其他单位工作的人员';
    const hostedText = hosted.length
      ? `；另有${hosted.length}人在${u.name}工作、编制在其他单位（${hosted.map((a) => `${a.name}编制在${a.orgName}`).join('；')}）`
      : '';
    return {
      orgId: u.id,
      orgName: u.name,
      establishment: u.establishment,
      establishmentTotal: total,
      onEstablishment: u.on_establishment,
      workingElsewhere: away,
      fromElsewhere: hosted,
      explanation: `${u.name}核定编制${est || '未登记'}（共${total}名）；登记编制在本单位的${u.on_establishment}人，${awayText}${hostedText}`,
    };
  });
  const occupied = out.reduce((s, u) => s + u.workingElsewhere.length, 0);
  return {
    protectedUnitKinds: kinds,
    units: out,
    occupied,
    explanation: `${pack.name}：${kindWords}编制专编专用，不得变相占用。按干部信息中的“编制所在单位”与“工作单位”比对，在您的数据范围内共发现${occupied}人编制在${kindWords}、在其他单位工作；未登记编制所在单位的人员不计入`,
  };
}
