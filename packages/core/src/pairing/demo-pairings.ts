import { isPrincipalPost, type DemoDistrict } from '../demo/district.ts';

/** One pairing of the demo district, by the generator's keys. */
export interface DemoPairing {
  cadreKey: string;
  mentorKey: string;
  focus: string;
  startedOn: string;
  notes: { notedOn: string; content: string }[];
}

const FOCUS = ['群众工作方法与信访化解', '基层党建业务与台账规范', '征地拆迁政策把握与沟通技巧'];
const NOTES = [
  '谈心谈话一次，交流入职以来的工作体会，指出需加强的方面',
  '带领走访辖区重点户，现场讲解政策口径与沟通方法',
  '审阅其起草的工作方案，逐条提出修改意见',
];

/**
 * In every street and township, its principal leader mentors the youngest of its other cadres (结对帮扶
 * of a new cadre by the unit's leader). Started in the spring of `year`, with two notes each.
 */
export function demoPairings(district: DemoDistrict, year: number): DemoPairing[] {
  const units = district.orgs.filter((o) => o.kind === 'street' || o.kind === 'township');
  return units.flatMap((unit, i) => {
    const people = district.cadres.filter((c) => c.orgKey === unit.key);
    const mentor = people.find((c) => isPrincipalPost(c.postTitle));
    const youngest = people
      .filter((c) => c !== mentor)
      .sort((a, b) => b.birthDate.localeCompare(a.birthDate) || a.key.localeCompare(b.key))[0];
    if (!mentor || !youngest) return [];
    const month = String(3 + (i % 3)).padStart(2, '0');
    return [
      {
        cadreKey: youngest.key,
        mentorKey: mentor.key,
        focus: FOCUS[i % FOCUS.length] as string,
        startedOn: `${year}-${month}-01`,
        notes: [
          { notedOn: `${year}-${month}-15`, content: NOTES[i % NOTES.length] as string },
          { notedOn: `${year}-0${Number(month) + 3}-20`, content: NOTES[(i + 1) % NOTES.length] as string },
        ],
      },
    ];
  });
}
