/**
 * A deterministic, seeded demo district (清源区) for demonstrations and tests:
 * the org tree (区直部门, 街道, 乡镇, 村/社区, 站点) and about 1,500 cadres.
 *
 * Pure: no I/O, no clock, no Math.random(). The same options always produce a
 * deep-equal result.
 */
import type { EstablishmentKind, OrgKind } from '../org/org-kinds.ts';
import { birthRangeForAge, formatIsoDate, fromEpochDay, parseIsoDate, type YMD } from './dates.ts';
import { makeChineseName, type Gender } from './names.ts';
import { Prng } from './prng.ts';

export interface DemoOrg {
  /** Stable key: the dot-joined code path from the root, e.g. `QY.T01.V0601`. */
  key: string;
  parentKey: string | null;
  /** Unique among siblings (in fact unique across the district); matches isValidOrgCode. */
  code: string;
  name: string;
  kind: OrgKind;
  establishment: Partial<Record<EstablishmentKind, number>>;
  /** Difficulty coefficient (难度系数), 0.90–1.50, two decimals, e.g. '1.15'. */
  difficulty: string;
  /** 1-based position among siblings. */
  sortOrder: number;
}

export interface DemoCadre {
  /** `${orgKey}#${n}`, n 1-based within the unit. */
  key: string;
  orgKey: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string; // YYYY-MM-DD
  postTitle: string;
}

export interface DemoDistrict {
  orgs: DemoOrg[];
  cadres: DemoCadre[];
}

export interface DemoDistrictOptions {
  /** Any safe integer; default 1. */
  seed?: number;
  /** Reference date for ages, YYYY-MM-DD; default '2026-01-01'. */
  asOf?: string;
}

export const DEMO_DISTRICT_NAME = '清源区';
export const DEMO_DISTRICT_CODE = 'QY';
export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_AS_OF = '2026-01-01';

/** Age bounds (completed years at asOf) used by the generator. */
export const DEMO_AGE_RANGE = { min: 23, max: 59, villageMax: 62 } as const;

/**
 * Titles of a unit's principal leader (主要负责人). Every department, street,
 * township, village and community has exactly one cadre holding one of these.
 */
export const PRINCIPAL_POST_TITLES: ReadonlySet<string> = new Set([
  '主任', // 区委办公室、区政府办公室
  '部长', // 区委各部
  '书记', // 区委政法委
  '纪委书记、监委主任',
  '党组书记、局长',
  '党工委书记',
  '党委书记',
  '村党组织书记、村委会主任',
  '村党组织书记',
  '社区党委书记、居委会主任',
  '社区党委书记',
]);

export function isPrincipalPost(postTitle: string): boolean {
  return PRINCIPAL_POST_TITLES.has(postTitle);
}

// ---------------------------------------------------------------------------
// Static reference data
// ---------------------------------------------------------------------------

type DeptType = 'office' | 'committee' | 'zhengfa' | 'jiwei' | 'bureau';

interface DeptSpec {
  name: string;
  type: DeptType;
  /** Internal sections (内设机构). */
  sections: readonly string[];
  /** Staff headcount range; always within 15–30. */
  size: readonly [number, number];
}

const DEPARTMENTS: readonly DeptSpec[] = [
  {
    name: '区委办公室',
    type: 'office',
    sections: ['综合科', '秘书科', '信息科', '督查室', '机要科'],
    size: [22, 28],
  },
  {
    name: '区委组织部',
    type: 'committee',
    sections: ['办公室', '组织科', '干部科', '干部监督科', '公务员管理科', '人才工作科'],
    size: [22, 28],
  },
  {
    name: '区委宣传部',
    type: 'committee',
    sections: ['办公室', '理论教育科', '宣传科', '新闻网络科', '文明创建科'],
    size: [17, 22],
  },
  {
    name: '区委统战部',
    type: 'committee',
    sections: ['办公室', '党派工作科', '民族宗教科', '经济联络科'],
    size: [15, 19],
  },
  {
    name: '区委政法委',
    type: 'zhengfa',
    sections: ['办公室', '综治督导科', '执法监督科', '维护稳定科'],
    size: [16, 20],
  },
  {
    name: '区纪委监委',
    type: 'jiwei',
    sections: ['办公室', '党风政风监督室', '第一纪检监察室', '第二纪检监察室', '案件审理室', '信访室'],
    size: [26, 30],
  },
  {
    name: '区政府办公室',
    type: 'office',
    sections: ['秘书科', '综合科', '督查科', '信息科'],
    size: [22, 28],
  },
  {
    name: '区发展和改革局',
    type: 'bureau',
    sections: ['办公室', '发展规划科', '固定资产投资科', '经济运行科', '价格科'],
    size: [22, 28],
  },
  {
    name: '区教育局',
    type: 'bureau',
    sections: ['办公室', '基础教育科', '人事科', '计划财务科', '教育督导室', '安全稳定科'],
    size: [24, 30],
  },
  {
    name: '区民政局',
    type: 'bureau',
    sections: ['办公室', '社会救助科', '养老服务科', '社会事务科', '基层政权和社区建设科'],
    size: [18, 24],
  },
  {
    name: '区财政局',
    type: 'bureau',
    sections: ['办公室', '预算科', '国库科', '行政政法科', '经济建设科', '农业农村科'],
    size: [24, 30],
  },
  {
    name: '区人力资源和社会保障局',
    type: 'bureau',
    sections: ['办公室', '就业促进科', '社会保险科', '劳动关系科', '人才开发科', '事业单位人事管理科'],
    size: [22, 28],
  },
  {
    name: '区自然资源局',
    type: 'bureau',
    sections: ['办公室', '国土空间规划科', '耕地保护科', '地籍管理科', '执法监察科'],
    size: [22, 28],
  },
  {
    name: '区住房和城乡建设局',
    type: 'bureau',
    sections: ['办公室', '建筑市场科', '房地产市场科', '城市建设科', '质量安全科'],
    size: [22, 28],
  },
  {
    name: '区农业农村局',
    type: 'bureau',
    sections: ['办公室', '乡村振兴科', '种植业科', '畜牧兽医科', '农村经营管理科'],
    size: [22, 28],
  },
  {
    name: '区商务局',
    type: 'bureau',
    sections: ['办公室', '商贸流通科', '对外贸易科', '招商引资科'],
    size: [17, 22],
  },
  {
    name: '区文化和旅游局',
    type: 'bureau',
    sections: ['办公室', '文化艺术科', '旅游发展科', '文物保护科', '市场管理科'],
    size: [17, 22],
  },
  {
    name: '区卫生健康局',
    type: 'bureau',
    sections: ['办公室', '医政医管科', '疾病预防控制科', '基层卫生科', '人口家庭科', '法规监督科'],
    size: [24, 30],
  },
  {
    name: '区应急管理局',
    type: 'bureau',
    sections: ['办公室', '综合协调科', '应急救援科', '危化监管科', '防灾减灾科'],
    size: [18, 24],
  },
  {
    name: '区市场监督管理局',
    type: 'bureau',
    sections: ['办公室', '登记注册科', '食品安全协调科', '特种设备安全监察科', '质量发展科', '执法稽查科'],
    size: [25, 30],
  },
  {
    name: '区信访局',
    type: 'bureau',
    sections: ['办公室', '来访接待科', '办信科', '督查督办科'],
    size: [15, 19],
  },
];

const STREET_COUNT = 5;
const TOWNSHIP_COUNT = 3;
const GRASSROOTS_TOTAL = 60;

const STREET_NAME_CORES = [
  '东湖',
  '西城',
  '南苑',
  '北关',
  '城关',
  '解放',
  '文昌',
  '凤凰',
  '金桥',
  '滨江',
  '锦华',
  '朝阳',
  '春晖',
  '鼓楼',
  '望江',
  '河西',
  '长青',
  '白鹭',
];

const TOWNSHIP_NAME_CORES = [
  '云山',
  '石桥',
  '青龙',
  '白马',
  '梅岭',
  '桃源',
  '柳溪',
  '松林',
  '双河',
  '金鸡',
  '黄龙',
];

const COMMUNITY_NAME_CORES = [
  '新华',
  '和平',
  '建设',
  '幸福',
  '光明',
  '文化',
  '育才',
  '花园',
  '锦绣',
  '阳光',
  '翠苑',
  '滨河',
  '东风',
  '胜利',
  '紫荆',
  '金桂',
  '丽景',
  '康乐',
  '书院',
  '府前',
  '桂园',
  '梧桐',
  '银杏',
  '南湖',
  '青年',
  '友谊',
  '向阳',
  '振兴',
  '民主',
  '团结',
  '星河',
  '明珠',
  '翠竹',
  '荷塘',
  '长乐',
  '永安',
  '三元',
  '金沙',
  '海棠',
  '绿洲',
  '北门',
  '西街',
  '学府',
  '天河',
  '新村',
  '铁路',
  '电厂',
  '红旗',
];

/** Cores that read naturally only without a suffix (铁路社区, not 铁路苑社区). */
const COMMUNITY_NO_SUFFIX = new Set(['铁路', '电厂', '新村', '北门', '西街', '花园']);

/** Suffixes before 社区: 新华社区, 建设路社区, 锦绣苑社区 … */
const COMMUNITY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['', 6],
  ['路', 2],
  ['苑', 1],
  ['里', 1],
];

const VILLAGE_NAMES = [
  '龙泉',
  '杨柳',
  '石堰',
  '大坪',
  '高坎',
  '黄桷',
  '双龙',
  '白沙',
  '红星',
  '金星',
  '前进',
  '新民',
  '五星',
  '三合',
  '太平',
  '长岭',
  '桥头',
  '柏树',
  '枫林',
  '竹园',
  '梨树',
  '马鞍',
  '水口',
  '上坪',
  '下坝',
  '新庄',
  '李家湾',
  '张家湾',
  '陈家坝',
  '刘家沟',
  '周家庄',
  '何家院',
  '凉水井',
  '石板',
  '青石',
  '牛角',
  '清水',
  '河口',
  '荷花',
  '大湾',
  '小湾',
  '田坝',
  '沙坝',
  '山口',
  '梅子',
  '桃花',
  '杏林',
  '茶园',
  '古井',
  '龙潭',
  '凤山',
  '狮子',
  '鹤鸣',
  '松树',
  '杉木',
  '新安',
  '永兴',
  '福田',
  '丰收',
  '联合',
  '光荣',
  '中坝',
  '石龙',
  '观音',
  '白果',
  '响水',
  '碾盘',
  '双井',
];

/** Villages far from the seat get these names more often (山区村). */
const REMOTE_VILLAGE_NAMES = ['高山', '云雾', '岩口', '鹰嘴', '青冈', '大石', '深沟', '石门', '天池', '黄岩'];

// ---------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------

interface PostSpec {
  title: string;
  minAge: number;
  maxAge: number;
  /** Probability that the holder is a woman. */
  female: number;
  /** Counts against the village/community post quota (村社区干部职数). */
  villagePost?: boolean;
}

const post = (title: string, minAge: number, maxAge: number, female: number): PostSpec => ({
  title,
  minAge,
  maxAge,
  female,
});

/** Civil-servant ranks (公务员职级) filling the remainder of a department or street/township. */
const RANK_POSTS: readonly (readonly [PostSpec, number])[] = [
  [post('一级主任科员', 45, 59, 0.3), 1],
  [post('二级主任科员', 40, 59, 0.35), 2],
  [post('三级主任科员', 35, 57, 0.4), 2],
  [post('四级主任科员', 30, 55, 0.45), 3],
  [post('一级科员', 24, 40, 0.5), 4],
  [post('二级科员', 23, 30, 0.5), 1],
];

function sectionHeadTitle(section: string): string {
  return section.endsWith('科') ? `${section}科长` : `${section}主任`;
}

function sectionDeputyTitle(section: string): string {
  return section.endsWith('科') ? `${section}副科长` : `${section}副主任`;
}

function departmentPosts(rng: Prng, spec: DeptSpec, size: number): PostSpec[] {
  const out: PostSpec[] = [];
  const principal = post(
    {
      office: '主任',
      committee: '部长',
      zhengfa: '书记',
      jiwei: '纪委书记、监委主任',
      bureau: '党组书记、局长',
    }[spec.type],
    42,
    56,
    0.15,
  );
  out.push(principal);
  switch (spec.type) {
    case 'office':
      for (let i = rng.int(3, 4); i > 0; i--) out.push(post('副主任', 35, 55, 0.3));
      break;
    case 'committee':
      out.push(post('常务副部长', 38, 55, 0.25));
      for (let i = rng.int(2, 3); i > 0; i--) out.push(post('副部长', 35, 55, 0.3));
      break;
    case 'zhengfa':
      out.push(post('常务副书记', 38, 55, 0.2));
      for (let i = rng.int(1, 2); i > 0; i--) out.push(post('副书记', 35, 55, 0.25));
      break;
    case 'jiwei':
      for (let i = rng.int(2, 3); i > 0; i--) out.push(post('纪委副书记、监委副主任', 36, 55, 0.3));
      for (let i = rng.int(2, 3); i > 0; i--) out.push(post('纪委常委、监委委员', 34, 55, 0.35));
      break;
    case 'bureau':
      for (let i = rng.int(2, 4); i > 0; i--) out.push(post('副局长', 34, 56, 0.3));
      break;
    default: {
      const exhaustive: never = spec.type;
      throw new Error(`unknown department type ${String(exhaustive)}`);
    }
  }
  for (const s of spec.sections) out.push(post(sectionHeadTitle(s), 32, 55, 0.4));
  for (const s of rng.sample(spec.sections, rng.int(1, 2)))
    out.push(post(sectionDeputyTitle(s), 28, 50, 0.45));
  if (rng.chance(0.5)) out.push(post('四级调研员', 50, 59, 0.25));
  while (out.length < size) out.push(rng.weighted(RANK_POSTS));
  return out.slice(0, size);
}

const STREET_OFFICES = [
  '党政综合办公室',
  '党建工作办公室',
  '经济发展办公室',
  '社会事务办公室',
  '城市管理办公室',
  '平安建设办公室',
];
const TOWNSHIP_OFFICES = [
  '党政综合办公室',
  '党建工作办公室',
  '经济发展办公室',
  '社会事务办公室',
  '规划建设和生态环境办公室',
  '平安建设办公室',
];

function streetPosts(rng: Prng, size: number): PostSpec[] {
  const out: PostSpec[] = [
    post('党工委书记', 40, 55, 0.15),
    post('街道办事处主任', 36, 52, 0.2),
    post('党工委副书记', 35, 52, 0.3),
    post('人大工委主任', 48, 58, 0.2),
    post('纪工委书记', 36, 55, 0.3),
    post('党工委委员、武装部部长', 35, 52, 0),
    post('党工委委员、组织委员', 30, 50, 0.35),
    post('党工委委员、宣传委员', 30, 50, 0.45),
  ];
  for (let i = rng.int(2, 3); i > 0; i--) out.push(post('街道办事处副主任', 32, 52, 0.3));
  for (const o of STREET_OFFICES) out.push(post(`${o}主任`, 30, 52, 0.4));
  out.push(
    post('党群服务中心主任', 30, 52, 0.45),
    post('便民服务中心主任', 30, 52, 0.45),
    post('综合行政执法队队长', 32, 52, 0.1),
    post('退役军人服务站站长', 35, 55, 0.1),
  );
  const fill: (readonly [PostSpec, number])[] = [
    ...RANK_POSTS,
    [post('党群服务中心工作人员', 23, 50, 0.6), 2],
    [post('便民服务中心工作人员', 23, 50, 0.65), 3],
    [post('综合行政执法队队员', 23, 50, 0.2), 3],
  ];
  while (out.length < size) out.push(rng.weighted(fill));
  return out.slice(0, size);
}

function townshipPosts(rng: Prng, size: number, isXiang: boolean): PostSpec[] {
  const head = isXiang ? '乡长' : '镇长';
  const out: PostSpec[] = [
    post('党委书记', 40, 55, 0.12),
    post(head, 35, 50, 0.18),
    post('党委副书记', 33, 52, 0.3),
    post('人大主席', 45, 58, 0.2),
    post('纪委书记', 35, 54, 0.3),
    post('党委委员、武装部部长', 35, 52, 0),
    post('党委委员、组织委员', 30, 50, 0.35),
    post('党委委员、宣传委员', 30, 50, 0.4),
  ];
  if (rng.chance(0.5)) out.push(post('党委委员、统战委员', 32, 52, 0.35));
  for (let i = rng.int(2, 3); i > 0; i--) out.push(post(`副${head}`, 32, 52, 0.25));
  for (const o of TOWNSHIP_OFFICES) out.push(post(`${o}主任`, 30, 52, 0.35));
  out.push(
    post('农业农村综合服务中心主任', 35, 55, 0.2),
    post('党群服务中心主任', 30, 52, 0.4),
    post('便民服务中心主任', 30, 52, 0.45),
    post('综合行政执法队队长', 32, 52, 0.1),
    post('财政所所长', 35, 55, 0.35),
    post('文化站站长', 30, 55, 0.4),
  );
  const fill: (readonly [PostSpec, number])[] = [
    ...RANK_POSTS,
    [post('农业农村综合服务中心工作人员', 23, 55, 0.35), 3],
    [post('党群服务中心工作人员', 23, 50, 0.55), 1],
    [post('便民服务中心工作人员', 23, 50, 0.6), 2],
    [post('综合行政执法队队员', 23, 50, 0.15), 2],
  ];
  while (out.length < size) out.push(rng.weighted(fill));
  return out.slice(0, size);
}

const vp = (title: string, minAge: number, maxAge: number, female: number): PostSpec => ({
  ...post(title, minAge, maxAge, female),
  villagePost: true,
});

/** 两委 (party branch + villagers' committee) of a village; `size` 5–9. */
function villagePosts(rng: Prng, size: number, underTownship: boolean): PostSpec[] {
  const required: PostSpec[] = [];
  // Since the 2021 elections the secretary usually also chairs the villagers' committee (一肩挑).
  if (rng.chance(0.85)) {
    required.push(vp('村党组织书记、村委会主任', 38, 62, 0.1));
  } else {
    required.push(vp('村党组织书记', 38, 62, 0.1), vp('村委会主任', 35, 60, 0.15));
  }
  const optional: PostSpec[] = [vp('村务监督委员会主任', 40, 62, 0.2), vp('村妇联主席', 28, 55, 1)];
  if (rng.chance(underTownship ? 0.3 : 0.1)) optional.push(post('驻村第一书记', 28, 50, 0.25));
  if (rng.chance(0.6)) optional.push(vp('村党组织副书记', 30, 58, 0.2));
  if (rng.chance(0.35)) optional.push(vp('村委会副主任', 30, 58, 0.2));
  const out = [...required, ...optional.slice(0, Math.max(0, size - required.length - 1))];
  while (out.length < size) out.push(vp('两委委员', 25, 60, 0.3));
  return out;
}

/** 两委 of a community plus its grid workers; `size` 5–9. */
function communityPosts(rng: Prng, size: number): PostSpec[] {
  const required: PostSpec[] = [];
  if (rng.chance(0.8)) {
    required.push(vp('社区党委书记、居委会主任', 35, 58, 0.45));
  } else {
    required.push(vp('社区党委书记', 35, 58, 0.45), vp('社区居委会主任', 32, 55, 0.55));
  }
  const optional: PostSpec[] = [vp('社区党委副书记', 30, 55, 0.55)];
  if (rng.chance(0.5)) optional.push(vp('社区居委会副主任', 28, 55, 0.6));
  if (rng.chance(0.5)) optional.push(vp('社区居务监督委员会主任', 40, 60, 0.45));
  for (let i = rng.int(1, 2); i > 0; i--) optional.push(post('网格员', 23, 50, 0.65));
  const out = [...required, ...optional.slice(0, Math.max(0, size - required.length - 1))];
  while (out.length < size) out.push(vp('两委委员', 24, 58, 0.65));
  return out;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');
const difficulty = (hundredths: number): string => (hundredths / 100).toFixed(2);

interface Grassroots {
  kind: 'village' | 'community';
  remote: boolean;
}

export function generateDemoDistrict(options: DemoDistrictOptions = {}): DemoDistrict {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const asOfText = options.asOf ?? DEFAULT_DEMO_AS_OF;
  const asOf = parseIsoDate(asOfText);
  const root = new Prng(seed);
  const rng = root.fork('orgs');

  const orgs: DemoOrg[] = [];
  const cadres: DemoCadre[] = [];
  const usedNames = new Set<string>();

  const addOrg = (org: DemoOrg): DemoOrg => {
    if (usedNames.has(org.name)) throw new Error(`duplicate org name ${org.name}`);
    usedNames.add(org.name);
    orgs.push(org);
    return org;
  };

  const staff = (org: DemoOrg, posts: readonly PostSpec[]): void => {
    const crng = root.fork(`cadres:${org.key}`);
    const namesHere = new Set<string>();
    posts.forEach((p, i) => {
      const gender: Gender = crng.chance(p.female) ? 'female' : 'male';
      const birth = birthDate(crng, asOf, p.minAge, p.maxAge);
      let name = makeChineseName(crng, gender, birth.year);
      for (let attempt = 0; attempt < 20 && namesHere.has(name); attempt++) {
        name = makeChineseName(crng, gender, birth.year);
      }
      namesHere.add(name);
      cadres.push({
        key: `${org.key}#${i + 1}`,
        orgKey: org.key,
        name,
        gender,
        birthDate: formatIsoDate(birth),
        postTitle: p.title,
      });
    });
  };

  const district = addOrg({
    key: DEMO_DISTRICT_CODE,
    parentKey: null,
    code: DEMO_DISTRICT_CODE,
    name: DEMO_DISTRICT_NAME,
    kind: 'district',
    establishment: {},
    difficulty: difficulty(100),
    sortOrder: 1,
  });

  // 区直部门 D01…
  DEPARTMENTS.forEach((spec, i) => {
    const code = `D${pad2(i + 1)}`;
    const size = rng.int(spec.size[0], spec.size[1]);
    const institution =
      spec.type === 'bureau' ? rng.int(3, 12) : spec.type === 'jiwei' ? rng.int(0, 2) : rng.int(0, 4);
    const administrative = size - Math.floor(institution / 2) + rng.int(0, 3);
    const org = addOrg({
      key: `${district.key}.${code}`,
      parentKey: district.key,
      code,
      name: spec.name,
      kind: 'department',
      establishment: institution > 0 ? { administrative, institution } : { administrative },
      difficulty: difficulty(rng.int(90, 105)),
      sortOrder: i + 1,
    });
    staff(org, departmentPosts(rng, spec, size));
  });

  // 街道 S01… and 乡镇 T01…; sortOrder continues after the departments.
  const streetCores = rng.sample(STREET_NAME_CORES, STREET_COUNT);
  const townshipCores = rng.sample(TOWNSHIP_NAME_CORES, TOWNSHIP_COUNT);
  const xiangIndex = rng.chance(0.5) ? rng.int(0, TOWNSHIP_COUNT - 1) : -1;

  interface Unit {
    org: DemoOrg;
    childCount: number;
    unitNo: number;
  }
  const units: Unit[] = [];
  const unitSpecs = [
    ...streetCores.map((core, i) => ({
      kind: 'street' as const,
      name: `${core}街道`,
      code: `S${pad2(i + 1)}`,
    })),
    ...townshipCores.map((core, i) => ({
      kind: 'township' as const,
      name: `${core}${i === xiangIndex ? '乡' : '镇'}`,
      code: `T${pad2(i + 1)}`,
    })),
  ];
  // Split the 60 villages/communities: streets 5–9 each, townships 7–11 each.
  const counts = unitSpecs.map((u): number => (u.kind === 'street' ? 5 : 7));
  const maxima = unitSpecs.map((u) => (u.kind === 'street' ? 9 : 11));
  let remaining = GRASSROOTS_TOTAL - counts.reduce((a, b) => a + b, 0);
  while (remaining > 0) {
    const open = counts.map((_, i) => i).filter((i) => (counts[i] ?? 0) < (maxima[i] ?? 0));
    const i = rng.pick(open);
    counts[i] = (counts[i] ?? 0) + 1;
    remaining--;
  }

  unitSpecs.forEach((u, i) => {
    const size = rng.int(60, 70);
    const administrative = rng.int(28, 38);
    const institution = size + rng.int(2, 8) - administrative;
    const org = addOrg({
      key: `${district.key}.${u.code}`,
      parentKey: district.key,
      code: u.code,
      name: u.name,
      kind: u.kind,
      establishment: { administrative, institution },
      difficulty: difficulty(u.kind === 'street' ? rng.int(95, 115) : rng.int(115, 135)),
      sortOrder: DEPARTMENTS.length + i + 1,
    });
    units.push({ org, childCount: counts[i] ?? 0, unitNo: i + 1 });
    staff(
      org,
      u.kind === 'street' ? streetPosts(rng, size) : townshipPosts(rng, size, u.name.endsWith('乡')),
    );
  });

  // 村 / 社区
  const communityCores = rng.shuffle(COMMUNITY_NAME_CORES);
  const villageCores = rng.shuffle(VILLAGE_NAMES);
  const remoteCores = rng.shuffle(REMOTE_VILLAGE_NAMES);
  const takeName = (queue: string[], fallback: string[], make: (core: string) => string): string => {
    for (const q of [queue, fallback]) {
      while (q.length > 0) {
        const name = make(q.shift() as string);
        if (!usedNames.has(name)) return name;
      }
    }
    throw new Error('demo name pool exhausted');
  };
  const communityName = (): string =>
    takeName(communityCores, [], (core) => {
      const suffix = COMMUNITY_NO_SUFFIX.has(core) ? '' : rng.weighted(COMMUNITY_SUFFIXES);
      const candidate = `${core}${suffix}社区`;
      return usedNames.has(candidate) ? `${core}社区` : candidate;
    });
  const villageName = (remote: boolean): string =>
    remote
      ? takeName(remoteCores, villageCores, (c) => `${c}村`)
      : takeName(villageCores, [], (c) => `${c}村`);

  const villages: { org: DemoOrg; remote: boolean }[] = [];
  for (const unit of units) {
    const isStreet = unit.org.kind === 'street';
    const n = unit.childCount;
    const plan: Grassroots[] = [];
    if (isStreet) {
      // Urban core streets are all communities; outer ones keep a few 城郊村.
      const villageCount = unit.unitNo <= 2 ? 0 : rng.int(1, Math.min(3, n - 3));
      for (let k = 0; k < n - villageCount; k++) plan.push({ kind: 'community', remote: false });
      for (let k = 0; k < villageCount; k++) plan.push({ kind: 'village', remote: false });
    } else {
      // The township seat usually has one community (镇区社区); a third of villages are remote.
      if (rng.chance(0.7)) plan.push({ kind: 'community', remote: false });
      while (plan.length < n) plan.push({ kind: 'village', remote: rng.chance(0.35) });
    }
    let c = 0;
    let v = 0;
    plan.forEach((g, k) => {
      const seq = g.kind === 'community' ? ++c : ++v;
      const code = `${g.kind === 'community' ? 'C' : 'V'}${pad2(unit.unitNo)}${pad2(seq)}`;
      let hundredths: number;
      if (g.kind === 'community') hundredths = isStreet ? rng.int(90, 110) : rng.int(100, 115);
      else if (isStreet) hundredths = rng.int(100, 120);
      else hundredths = g.remote ? rng.int(125, 150) : rng.int(110, 130);
      const size = rng.weighted<number>([
        [5, 1],
        [6, 2],
        [7, 3],
        [8, 4],
        [9, 3],
      ]);
      const posts = g.kind === 'community' ? communityPosts(rng, size) : villagePosts(rng, size, !isStreet);
      const quota = posts.filter((p) => p.villagePost).length + rng.int(0, 1);
      const org = addOrg({
        key: `${unit.org.key}.${code}`,
        parentKey: unit.org.key,
        code,
        name: g.kind === 'community' ? communityName() : villageName(g.remote),
        kind: g.kind,
        establishment: { village_post: Math.min(9, Math.max(5, quota)) },
        difficulty: difficulty(hundredths),
        sortOrder: k + 1,
      });
      staff(org, posts);
      if (g.kind === 'village') villages.push({ org, remote: g.remote });
    });
  }

  // 党员远程教育站点 under a few villages, remote ones first.
  const stationCount = rng.int(4, 6);
  const hosts = [
    ...rng.shuffle(villages.filter((x) => x.remote)),
    ...rng.shuffle(villages.filter((x) => !x.remote)),
  ]
    .slice(0, stationCount)
    .sort((a, b) => (a.org.key < b.org.key ? -1 : a.org.key > b.org.key ? 1 : 0));
  for (const { org: village } of hosts) {
    const code = `${village.code}_JY`;
    addOrg({
      key: `${village.key}.${code}`,
      parentKey: village.key,
      code,
      name: `${village.name}党员远程教育站点`,
      kind: 'station',
      establishment: {},
      difficulty: village.difficulty,
      sortOrder: 1,
    });
  }

  return { orgs, cadres };
}

/** A birth date giving an age in [minAge, maxAge] on `asOf`, mildly peaked toward the middle. */
function birthDate(rng: Prng, asOf: YMD, minAge: number, maxAge: number): YMD {
  const age = Math.round((rng.int(minAge, maxAge) + rng.int(minAge, maxAge)) / 2);
  const [earliest, latest] = birthRangeForAge(asOf, age);
  return fromEpochDay(rng.int(earliest, latest));
}
