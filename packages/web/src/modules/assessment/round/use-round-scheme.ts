import type { Round } from '@ganbu/core';
import { usePack, usePacks } from '../../../hooks/api/assessment.ts';

/**
 * The pack version a round was created from (pack id + effective date) and the round's scheme in it:
 * rater groups with their mode, scope and raters, criteria, grade scale and quota rule.
 */
export function useRoundScheme(round: Pick<Round, 'packId' | 'packEffectiveFrom' | 'schemeId'>) {
  const packs = usePacks();
  const version = packs.data?.find(
    (p) => p.packId === round.packId && p.effectiveFrom === round.packEffectiveFrom,
  );
  const detail = usePack(version?.id);
  const pack = detail.data?.body;
  const scheme = pack?.assessment.schemes.find((s) => s.id === round.schemeId);
  return {
    pack,
    scheme,
    isPending: packs.isPending || (!!version && detail.isPending),
    error: packs.error ?? detail.error,
  };
}
