import type { CadreDetail, CadreRecordInput, Education } from '@ganbu/core';
import { isApiError } from '../../../lib/http.ts';

type Cat = NonNullable<CadreRecordInput['category']>;
type Kind = NonNullable<CadreDetail['appointments'][number]['unitKind']>;
type RoleKind = CadreDetail['appointments'][number]['roleKind'];

export interface AppointmentValues {
  unitName: string;
  orgId?: string | null;
  unitKind?: Kind | null;
  title: string;
  isLeadership: boolean;
  roleKind: RoleKind;
  rank: string;
  start: string;
  end: string;
}

export interface FamilyValues {
  relation: string;
  name: string;
  birthDate: string;
  politicalStatus: string;
  workUnitAndPost: string;
}

/** The record form's values: the record itself, with dates and optional texts as plain strings. */
export interface CadreFormValues {
  orgId?: string;
  /** 编制所在单位; empty: the same as the working unit */
  establishmentOrgId?: string | null;
  name: string;
  gender?: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  birthPlace: string;
  politicalStatus: string;
  partyJoinDate: string;
  workStartDate: string;
  health: string;
  fullTimeEducation: Education;
  inServiceEducation: Education;
  idNumber: string;
  phone: string;
  category?: Cat | null;
  rank: string;
  professionalType: boolean;
  professionalTitle: string;
  specialty: string;
  postTitle: string;
  rewardsAndPunishments: string;
  annualAssessment: string;
  tags: string[];
  family: FamilyValues[];
  appointments: AppointmentValues[];
  extras: { key: string; value: string }[];
}

const NO_EDUCATION: Education = { education: '', degree: '', school: '', major: '' };

export const NEW_APPOINTMENT: AppointmentValues = {
  unitName: '',
  orgId: null,
  unitKind: null,
  title: '',
  isLeadership: false,
  roleKind: 'staff',
  rank: '',
  start: '',
  end: '',
};

export const NEW_FAMILY: FamilyValues = {
  relation: '',
  name: '',
  birthDate: '',
  politicalStatus: '',
  workUnitAndPost: '',
};

export function valuesFromDetail(d: CadreDetail | undefined, defaultOrgId?: string): CadreFormValues {
  if (!d) {
    return {
      orgId: defaultOrgId,
      establishmentOrgId: null,
      name: '',
      birthDate: '',
      ethnicity: '汉族',
      nativePlace: '',
      birthPlace: '',
      politicalStatus: '',
      partyJoinDate: '',
      workStartDate: '',
      health: '',
      fullTimeEducation: { ...NO_EDUCATION },
      inServiceEducation: { ...NO_EDUCATION },
      idNumber: '',
      phone: '',
      category: null,
      rank: '',
      professionalType: false,
      professionalTitle: '',
      specialty: '',
      postTitle: '',
      rewardsAndPunishments: '',
      annualAssessment: '',
      tags: [],
      family: [],
      appointments: [],
      extras: [],
    };
  }
  return {
    ...d,
    partyJoinDate: d.partyJoinDate ?? '',
    workStartDate: d.workStartDate ?? '',
    idNumber: d.idNumber ?? '',
    phone: d.phone ?? '',
    family: d.family.map((f) => ({ ...f, birthDate: f.birthDate ?? '' })),
    appointments: d.appointments.map((a) => ({ ...a, end: a.end ?? '' })),
    extras: Object.entries(d.extras).map(([key, value]) => ({ key, value })),
  };
}

const trim = (v: string | undefined | null) => (v ?? '').trim();
const orNull = (v: string | undefined | null) => trim(v) || null;
const edu = (e: Partial<Education> | undefined): Education => ({
  education: trim(e?.education),
  degree: trim(e?.degree),
  school: trim(e?.school),
  major: trim(e?.major),
});

/** The request body (full record) from the form's values. */
export function inputFromValues(v: CadreFormValues): CadreRecordInput {
  const extras: Record<string, string> = {};
  for (const { key, value } of v.extras ?? []) if (trim(key)) extras[trim(key)] = value ?? '';
  return {
    orgId: v.orgId ?? '',
    establishmentOrgId: v.establishmentOrgId ?? null,
    name: trim(v.name),
    gender: v.gender ?? 'male',
    birthDate: trim(v.birthDate),
    ethnicity: trim(v.ethnicity),
    nativePlace: trim(v.nativePlace),
    birthPlace: trim(v.birthPlace),
    politicalStatus: trim(v.politicalStatus),
    partyJoinDate: orNull(v.partyJoinDate),
    workStartDate: orNull(v.workStartDate),
    health: trim(v.health),
    fullTimeEducation: edu(v.fullTimeEducation),
    inServiceEducation: edu(v.inServiceEducation),
    idNumber: orNull(v.idNumber)?.toUpperCase() ?? null,
    phone: orNull(v.phone),
    category: v.category ?? null,
    rank: trim(v.rank),
    professionalType: v.professionalType === true,
    professionalTitle: trim(v.professionalTitle),
    specialty: trim(v.specialty),
    postTitle: trim(v.postTitle),
    rewardsAndPunishments: trim(v.rewardsAndPunishments),
    annualAssessment: trim(v.annualAssessment),
    tags: (v.tags ?? []).map(trim).filter(Boolean),
    family: (v.family ?? []).map((f) => ({
      relation: trim(f.relation),
      name: trim(f.name),
      birthDate: orNull(f.birthDate),
      politicalStatus: trim(f.politicalStatus),
      workUnitAndPost: trim(f.workUnitAndPost),
    })),
    appointments: (v.appointments ?? []).map((a) => ({
      unitName: trim(a.unitName),
      orgId: a.orgId ?? null,
      unitKind: a.unitKind ?? null,
      title: trim(a.title),
      isLeadership: a.isLeadership === true,
      roleKind: a.roleKind ?? 'staff',
      rank: trim(a.rank),
      start: trim(a.start),
      end: orNull(a.end),
    })),
    extras,
  };
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Problems of a 400 VALIDATION answer, by form field: `[{field: 'appointments.2.end', message}]`
 * from the record checks, or `[{path: '/appointments/2/end', message}]` from the schema.
 */
export function fieldErrorsOf(err: unknown): FieldError[] {
  if (!isApiError(err) || err.code !== 'VALIDATION' || !Array.isArray(err.details)) return [];
  const byField = new Map<string, string[]>();
  for (const item of err.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, path, message } = item as { field?: unknown; path?: unknown; message?: unknown };
    const raw =
      typeof field === 'string'
        ? field
        : typeof path === 'string'
          ? path.replace(/^\//, '').replace(/\//g, '.')
          : '';
    if (!raw || typeof message !== 'string') continue;
    byField.set(raw, [...(byField.get(raw) ?? []), message]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}
