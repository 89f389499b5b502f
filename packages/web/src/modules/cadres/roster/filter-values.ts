import dayjs, { type Dayjs } from 'dayjs';
import type { CadreFilters } from '../../../hooks/api/cadres.ts';
import { parseQuery, filtersOf } from './roster-query.ts';

/** Values of the roster query form; switches hold only "yes" (off means no condition). */
export interface FilterValues {
  q?: string;
  orgId?: string;
  gender?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  education?: string;
  politicalStatus?: string;
  degree?: string;
  rank?: string;
  category?: string;
  tag?: string;
  professionalType?: 'true' | 'false';
  grassrootsYearsMin?: number | null;
  streetOrTownship?: boolean;
  streetLeadership?: boolean;
  townshipSecretary?: boolean;
  /** 可提拔 on this day (组织部, 纪检联络) */
  promotableOn?: Dayjs | null;
}

/** Filters behind 更多条件. */
const MORE_KEYS = [
  'degree',
  'rank',
  'category',
  'tag',
  'professionalType',
  'grassrootsYearsMin',
  'streetOrTownship',
  'streetLeadership',
  'townshipSecretary',
  'promotableOn',
] as const satisfies ReadonlyArray<keyof CadreFilters>;

export function moreFilterCount(filters: CadreFilters): number {
  return MORE_KEYS.filter((k) => filters[k] !== undefined).length;
}

export function valuesFromFilters(f: CadreFilters): FilterValues {
  return {
    q: f.q,
    orgId: f.orgId,
    gender: f.gender,
    ageMin: f.ageMin ?? null,
    ageMax: f.ageMax ?? null,
    education: f.education,
    politicalStatus: f.politicalStatus,
    degree: f.degree,
    rank: f.rank,
    category: f.category ?? undefined,
    tag: f.tag,
    professionalType: f.professionalType === undefined ? undefined : f.professionalType ? 'true' : 'false',
    grassrootsYearsMin: f.grassrootsYearsMin ?? null,
    streetOrTownship: f.streetOrTownship === true,
    streetLeadership: f.streetLeadership === true,
    townshipSecretary: f.townshipSecretary === true,
    promotableOn: f.promotableOn ? dayjs(f.promotableOn) : null,
  };
}

const text = (v: string | undefined) => v?.trim() || undefined;
const yes = (v: boolean | undefined) => (v ? 'true' : undefined);

/** Filters from the form; goes through the core query schema, so values it refuses are dropped. */
export function filtersFromValues(v: FilterValues): CadreFilters {
  let { ageMin, ageMax } = v;
  if (typeof ageMin === 'number' && typeof ageMax === 'number' && ageMin > ageMax) {
    [ageMin, ageMax] = [ageMax, ageMin];
  }
  return filtersOf(
    parseQuery({
      q: text(v.q),
      orgId: v.orgId,
      gender: v.gender,
      ageMin,
      ageMax,
      education: text(v.education),
      politicalStatus: text(v.politicalStatus),
      degree: text(v.degree),
      rank: text(v.rank),
      category: v.category,
      tag: v.tag,
      professionalType: v.professionalType,
      grassrootsYearsMin: v.grassrootsYearsMin,
      streetOrTownship: yes(v.streetOrTownship),
      streetLeadership: yes(v.streetLeadership),
      townshipSecretary: yes(v.townshipSecretary),
      promotableOn: v.promotableOn ? v.promotableOn.format('YYYY-MM-DD') : undefined,
    }),
  );
}
