/**
 * Full demo records for the generated district: education, party membership, ID number, phone,
 * family and an appointment history that leads to the current post (so derived facts vary).
 * Pure and seeded like the district itself.
 */
import type { Appointment, Education, FamilyMember } from '../cadre/model.ts';
import { parseIdNumber } from '../cadre/id-number.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import type { DemoCadre, DemoDistrict, DemoOrg } from './district.ts';
import { makeChineseName } from './names.ts';
import { createPrng, type Prng } from './prng.ts';

export interface DemoCadreRecord {
  key: string;
  orgKey: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  politicalStatus: string;
  partyJoinDate: string | null;
  workStartDate: string;
  fullTimeEducation: Education;
  idNumber: string;
  phone: string;
  health: string;
  category:
    | 'comprehensive'
    | 'law_enforcement'
    | 'professional_technical'
    | 'public_institution'
    | 'village_community';
  rank: string;
  postTitle: string;
  tags: string[];
  family: FamilyMember[];
  appointments: Appointment[];
}

/** 丰泽区's administrative division code, used for demo ID numbers. */
const DEMO_REGION_CODE = '350503';

const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** A valid GB 11643 number: try the eleven possible check characters. */
function demoIdNumber(birth: string, seq: number, gender: 'male' | 'female'): string {
  const order = String(gender === 'male' ? seq * 2 + 1 : seq * 2)
    .padStart(3, '0')
    .slice(-3);
  const body = DEMO_REGION_CODE + birth.replace(/-/g, '') + order;
  for (const c of '0123456789X') if (parseIdNumber(body + c).ok) return body + c;
  throw new Error('no check digit');
}

function education(rng: Prng, kind: OrgKind, age: number): Education {
  if (kind === 'village' || kind === 'community') {
    const e = rng.weighted([
      ['高中', 4],
      ['大专', 4],
      ['大学', 2],
    ] as const);
    return { education: e, degree: e === '大学' ? '学士' : '', school: '', major: '' };
  }
  const e = rng.weighted([
    ['大学', 7],
    ['研究生', age < 45 ? 2 : 1],
    ['大专', 1],
  ] as const);
  const school = rng.pick(['福建师范大学', '华侨大学', '集美大学', '福州大学', '厦门大学', '泉州师范学院']);
  const major = rng.pick([
    '汉语言文学',
    '行政管理',
    '法学',
    '会计学',
    '农业经济管理',
    '计算机科学与技术',
    '土木工程',
  ]);
  return { education: e, degree: e === '研究生' ? '硕士' : e === '大学' ? '学士' : '', school, major };
}

function roleOf(title: string, kind: OrgKind): Pick<Appointment, 'isLeadership' | 'roleKind'> {
  const deputy = title.includes('副');
  if (kind === 'village' || kind === 'community') {
    if (/书记|主任/.test(title) && !deputy && !title.includes('监督'))
      return { isLeadership: true, roleKind: 'village_principal' };
    return { isLeadership: false, roleKind: 'staff' };
  }
  if (title.includes('书记') && !deputy && !title.includes('纪'))
    return { isLeadership: true, roleKind: 'party_secretary' };
  if (/^(镇长|乡长|街道办事处主任|局长|主任|部长)$/.test(title))
    return { isLeadership: true, roleKind: 'government_head' };
  if (deputy || /委员|部长|主席/.test(title)) return { isLeadership: true, roleKind: 'team_member' };
  return { isLeadership: false, roleKind: 'staff' };
}

function rankOf(a: Pick<Appointment, 'roleKind'>, kind: OrgKind, title: string): string {
  if (kind === 'village' || kind === 'community') return '';
  if (a.roleKind === 'party_secretary' || a.roleKind === 'government_head') return '正科级';
  if (a.roleKind === 'team_member') return '副科级';
  return /主任科员/.test(title)
    ? title.replace(/^.*?(一级|二级|三级|四级)主任科员.*$/, '$1主任科员')
    : '一级科员';
}

/** 共青团员 are 14 to 28 years old (《中国共产主义青年团章程》): older demo cadres who are not party members are 群众. */
const LEAGUE_MAX_AGE = 28;

function politicalStatusOf(p: { member: boolean; drawn: string; age: number }): string {
  if (p.member) return '中共党员';
  return p.drawn === '共青团员' && p.age <= LEAGUE_MAX_AGE ? '共青团员' : '群众';
}

/** Enrich every demo cadre with a full record. */
export function generateDemoRecords(
  district: DemoDistrict,
  options: { seed?: number; asOf?: string } = {},
): DemoCadreRecord[] {
  const rng = createPrng(options.seed ?? 1).fork('records');
  const asOf = options.asOf ?? '2026-01-01';
  const asOfYear = Number(asOf.slice(0, 4));
  const orgs = new Map(district.orgs.map((o) => [o.key, o]));
  const townships = district.orgs.filter((o) => o.kind === 'township' || o.kind === 'street');
  const villages = district.orgs.filter((o) => o.kind === 'village' || o.kind === 'community');
  const usedIds = new Set<string>();
  const uniqueId = (birth: string, seq: number, gender: 'male' | 'female') => {
    for (let k = seq; ; k = (k + 1) % 500) {
      const id = demoIdNumber(birth, k, gender);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  return district.cadres.map((c: DemoCadre, i) => {
    const org = orgs.get(c.orgKey) as DemoOrg;
    const birthYear = Number(c.birthDate.slice(0, 4));
    const age = asOfYear - birthYear;
    const village = org.kind === 'village' || org.kind === 'community';
    const edu = education(rng, org.kind, age);
    const startAge = village ? rng.int(18, 26) : edu.education === '研究生' ? 25 : 22;
    const workStartYear = Math.min(birthYear + startAge, asOfYear - 1);
    const workStart = month(workStartYear, rng.pick([7, 8, 9]));
    const drawnMember = village ? rng.chance(0.75) : rng.chance(0.85);
    const partyYear = Math.min(Math.max(birthYear + 19, workStartYear - 2 + rng.int(0, 6)), asOfYear - 1);
    const current = { title: c.postTitle, ...roleOf(c.postTitle, org.kind) };
    // rules officers know: a leadership post outside villages (书记, 镇长, 科长 …) and a village's party
    // secretary are held by party members; only the young are 共青团员 (the league's members are 14–28)
    const member =
      drawnMember ||
      (current.isLeadership && !village) ||
      (village && current.roleKind === 'party_secretary');
    // earlier posts: a grassroots start for about half of the non-village cadres
    const appointments: Appointment[] = [];
    let cursor = workStartYear;
    const currentStart = Math.max(workStartYear, asOfYear - rng.int(1, 8));
    if (!village && currentStart - workStartYear >= 3) {
      const first =
        org.kind === 'department' && rng.chance(0.5)
          ? rng.pick(townships)
          : rng.chance(0.4)
            ? rng.pick(villages)
            : null;
      if (first) {
        const end = rng.int(cursor + 1, currentStart - 1);
        const title =
          first.kind === 'village' || first.kind === 'community'
            ? '驻村干部'
            : rng.pick(['科员', '党政办副主任', '副镇长', '组织委员']);
        const role = roleOf(title, first.kind);
        appointments.push({
          unitName: first.name,
          orgId: null,
          unitKind: first.kind,
          title,
          ...role,
          rank: rankOf(role, first.kind, title),
          start: workStart,
          end: month(end, 12),
        });
        cursor = end + 1;
      }
      if (cursor < currentStart) {
        const title = '科员';
        appointments.push({
          unitName: org.name,
          orgId: null,
          unitKind: org.kind,
          title,
          isLeadership: false,
          roleKind: 'staff',
          rank: '一级科员',
          start: month(cursor, 1),
          end: month(currentStart, 2),
        });
      }
    }
    appointments.push({
      unitName: org.name,
      orgId: null,
      unitKind: org.kind,
      title: current.title,
      isLeadership: current.isLeadership,
      roleKind: current.roleKind,
      rank: rankOf(current, org.kind, current.title),
      start: appointments.length ? month(currentStart, 3) : workStart,
      end: null,
    });
    const spouseGender = c.gender === 'male' ? 'female' : 'male';
    const family: FamilyMember[] = [
      {
        relation: c.gender === 'male' ? '妻子' : '丈夫',
        name: makeChineseName(rng, spouseGender, birthYear),
        birthDate: month(birthYear + rng.int(-2, 2), rng.int(1, 12)),
        politicalStatus: rng.pick(['中共党员', '群众']),
        workUnitAndPost: rng.pick(['区第一实验小学教师', '区人民医院护士', '某公司职员', '个体经营']),
      },
    ];
    const fatherName = c.gender === 'male' ? c.name : (family[0] as FamilyMember).name;
    const childGender = rng.pick(['male', 'female'] as const);
    // the child takes the father's surname (first character)
    const childName = fatherName.slice(0, 1) + makeChineseName(rng, childGender, birthYear + 28).slice(1);
    if (age > 28)
      family.push({
        relation: childGender === 'male' ? '儿子' : '女儿',
        name: childName,
        birthDate: month(birthYear + rng.int(25, 32), rng.int(1, 12)),
        politicalStatus: '群众',
        workUnitAndPost: '学生',
      });
    const tags: string[] = [];
    if (age < 35 && !village) tags.push('young');
    if (village && current.roleKind !== 'staff') tags.push('two_committees');
    if (rng.chance(0.06)) tags.push('reserve');
    return {
      key: c.key,
      orgKey: c.orgKey,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      ethnicity: rng.weighted([
        ['汉族', 97],
        ['畲族', 2],
        ['回族', 1],
      ] as const),
      nativePlace: rng.pick(['福建泉州', '福建晋江', '福建南安', '福建惠安', '福建安溪', '福建莆田']),
      // drawn where it always was, so the generator's stream (and every later cadre) is unchanged
      politicalStatus: politicalStatusOf({
        member,
        drawn: !drawnMember && !village ? rng.pick(['群众', '共青团员']) : '群众',
        age,
      }),
      partyJoinDate: member ? month(partyYear, rng.int(1, 12)) : null,
      workStartDate: workStart,
      fullTimeEducation: edu,
      idNumber: uniqueId(c.birthDate, i % 500, c.gender),
      phone: `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      health: '健康',
      category: village
        ? 'village_community'
        : org.kind === 'department'
          ? 'comprehensive'
          : rng.chance(0.2)
            ? 'law_enforcement'
            : 'comprehensive',
      rank: rankOf(current, org.kind, current.title),
      postTitle: c.postTitle,
      tags,
      family,
      appointments,
    };
  });
}
