import { describe, expect, it } from 'vitest';
import { parseLrmxDate } from './dates.ts';
import { expectedCompletePerson } from './fixtures/expected.ts';
import { fixture } from './fixtures/load.ts';
import { emptyLrmxPerson, type LrmxPerson, type LrmxReadResult } from './person.ts';
import { readLrm } from './read-lrm.ts';
import { readLrmx } from './read-lrmx.ts';
import { lrmxToRecordDraft, recordToLrmx } from './to-record.ts';

function person(result: LrmxReadResult): LrmxPerson {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.person;
}

describe('parseLrmxDate', () => {
  it.each([
    ['197803', '1978-03'],
    ['19780315', '1978-03-15'],
    ['1978.03', '1978-03'],
    ['1978.3', '1978-03'],
    ['1978.3.5', '1978-03-05'],
    ['1978-03', '1978-03'],
    ['1978-03-15', '1978-03-15'],
    ['1978/03', '1978-03'],
    ['1978年3月', '1978-03'],
    ['1978年3月15日', '1978-03-15'],
    ['１９７８．０３', '1978-03'],
    [' 1978.03 ', '1978-03'],
    ['2000.02.29', '2000-02-29'],
  ])('%s → %s', (raw, date) => expect(parseLrmxDate(raw)).toBe(date));

  it.each(['', '群众', '197813', '1978.00', '19790229', '78.03', '1978', '1850.01', '1978.03（预备）'])(
    'refuses %s',
    (raw) => expect(parseLrmxDate(raw)).toBeNull(),
  );
});

describe('lrmxToRecordDraft', () => {
  it('maps the complete fixture onto record fields, the rest into extras', () => {
    const { draft, warnings } = lrmxToRecordDraft(expectedCompletePerson());
    expect(warnings).toEqual([]);
    expect(draft).toEqual({
      name: '李明华',
      gender: 'male',
      birthDate: '1978-03',
      ethnicity: '汉族',
      nativePlace: '浙江绍兴',
      birthPlace: '浙江杭州',
      politicalStatus: '中共党员',
      partyJoinDate: '2001-06',
      workStartDate: '2000-07',
      health: '健康',
      professionalTitle: '经济师',
      specialty: '党建和组织工作',
      fullTimeEducation: {
        education: '大学',
        degree: '法学学士',
        school: '浙江大学法学院法学专业',
        major: '',
      },
      inServiceEducation: {
        education: '研究生',
        degree: '公共管理硕士',
        school: '中共浙江省委党校经济管理专业',
        major: '',
      },
      postTitle: '城南街道党工委副书记、办事处主任',
      rewardsAndPunishments: '2019年被评为区优秀共产党员。',
      annualAssessment: '2021、2022年度考核均为称职，2023年度考核为优秀。',
      idNumber: '330602197803150015',
      family: [
        {
          relation: '妻子',
          name: '陈静',
          birthDate: '1980-05',
          politicalStatus: '中共党员',
          workUnitAndPost: '示范区第一小学教师',
        },
        {
          relation: '儿子',
          name: '李浩然',
          birthDate: '2007-09',
          politicalStatus: '共青团员',
          workUnitAndPost: '浙江大学学生',
        },
        {
          relation: '父亲',
          name: '李建国',
          birthDate: '1950-02',
          politicalStatus: '群众',
          workUnitAndPost: '退休',
        },
      ],
      extras: {
        ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '浙江大学公共管理学院公共管理专业',
        NiRenZhiWu: '城南街道党工委书记',
        NiMianZhiWu: '城南街道办事处主任',
        RenMianLiYou: '工作需要。',
        ChengBaoDanWei: '中共示范区委组织部',
        JiSuanNianLingShiJian: '202406',
        TianBiaoShiJian: '20240615',
        TianBiaoRen: '王芳',
        JianLi: expectedCompletePerson().JianLi,
        Version: '3.2.1.6',
      },
    });
  });

  it.each(['complete.lrmx', 'bom-shuffled.lrmx'])('lrmx → draft → lrmx keeps every field of %s', (name) => {
    const p = person(readLrmx(fixture(name)));
    expect(recordToLrmx(lrmxToRecordDraft(p).draft, p.photo)).toEqual(p);
  });

  it('maps the GB2312 fixture: gender code, liberal dates, party date fills an empty political status', () => {
    const { draft, warnings } = lrmxToRecordDraft(person(readLrmx(fixture('gb2312.lrmx'))));
    expect(draft).toMatchObject({
      name: '赵丽娟',
      gender: 'female',
      birthDate: '1982-11',
      ethnicity: '回族',
      partyJoinDate: '2004-06',
      workStartDate: '2005-07',
      politicalStatus: '中共党员',
      idNumber: '370102198211200044',
      family: [
        {
          relation: '丈夫',
          name: '孙伟',
          birthDate: '1981-01',
          politicalStatus: '中共党员',
          workUnitAndPost: '区财政局副局长',
        },
      ],
    });
    expect(warnings).toEqual(['政治面貌为空，已按入党时间填为“中共党员”，请核对']);
  });

  it('maps the .lrm fixture and writes it back unchanged but for the derived political status', () => {
    const p = person(readLrm(fixture('wang-jianjun.lrm'), fixture('wang-jianjun.pic')));
    const { draft } = lrmxToRecordDraft(p);
    expect(draft.inServiceEducation).toEqual({
      education: '研究生',
      degree: '',
      school: '中央党校研究生院政治学专业',
      major: '',
    });
    expect(draft.extras).toMatchObject({ TianBiaoShiJian: '2024.06.20', NiRenZhiWu: '区人民政府副区长' });
    expect(recordToLrmx(draft, p.photo)).toEqual({ ...p, ZhengZhiMianMao: '中共党员' });
  });

  it('GB 2261 gender codes, GB 3304 ethnicity codes', () => {
    const map = (XingBie: string, MinZu = '') =>
      lrmxToRecordDraft({ ...emptyLrmxPerson(), XingBie, MinZu }).draft;
    expect(map('1', '01')).toMatchObject({ gender: 'male', ethnicity: '汉族' });
    expect(map('2', '3')).toMatchObject({ gender: 'female', ethnicity: '回族' });
    expect(map('女', '56')).toMatchObject({ gender: 'female', ethnicity: '基诺族' });
    expect(map('男', '97').ethnicity).toBe('97');
  });

  it('keeps what it cannot read in extras, with warnings, and writes it back', () => {
    const p: LrmxPerson = {
      ...emptyLrmxPerson(),
      XingMing: '吴十',
      XingBie: '未知',
      ChuShengNianYue: '1978年春',
      RuDangShiJian: '群众',
      CanJiaGongZuoShiJian: '1999.13',
      family: [
        {
          ChengWei: '父亲',
          XingMing: '吴一',
          ChuShengRiQi: '已故',
          ZhengZhiMianMao: '',
          GongZuoDanWeiJiZhiWu: '',
        },
        { ChengWei: '', XingMing: '', ChuShengRiQi: '', ZhengZhiMianMao: '', GongZuoDanWeiJiZhiWu: '' },
      ],
      unknown: { ZuiGaoXueLi: '研究生' },
    };
    const { draft, warnings } = lrmxToRecordDraft(p);
    expect(draft).toMatchObject({
      name: '吴十',
      politicalStatus: '群众',
      partyJoinDate: null,
      workStartDate: null,
    });
    expect(draft.gender).toBeUndefined();
    expect(draft.birthDate).toBeUndefined();
    expect(draft.family).toEqual([
      { relation: '父亲', name: '吴一', birthDate: null, politicalStatus: '', workUnitAndPost: '' },
    ]);
    expect(draft.extras).toEqual({
      XingBie: '未知',
      ChuShengNianYue: '1978年春',
      RuDangShiJian: '群众',
      CanJiaGongZuoShiJian: '1999.13',
      'JiaTingChengYuan[1].ChuShengRiQi': '已故',
      ZuiGaoXueLi: '研究生',
    });
    expect(warnings).toEqual([
      '性别“未知”无法识别，原文已保留',
      '出生年月“1978年春”无法识别，原文已保留',
      '入党时间栏填的是“群众”，已作为政治面貌',
      '参加工作时间“1999.13”无法识别，原文已保留',
      '家庭成员第 1 项的出生日期“已故”无法识别，原文已保留',
    ]);
    // Written back, every text is where it was; the empty padding row and the derived status are the only changes.
    expect(recordToLrmx(draft)).toEqual({ ...p, ZhengZhiMianMao: '群众', family: p.family.slice(0, 1) });
  });

  it('keeps a degree school that differs from, or stands without, the education school', () => {
    const p: LrmxPerson = {
      ...emptyLrmxPerson(),
      QuanRiZhiJiaoYu_XueWei: '工学学士',
      QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '东南大学',
      ZaiZhiJiaoYu_XueLi: '大学',
      ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '省委党校',
    };
    const { draft } = lrmxToRecordDraft(p);
    expect(draft.fullTimeEducation).toEqual({
      education: '',
      degree: '工学学士',
      school: '东南大学',
      major: '',
    });
    expect(draft.extras).toEqual({ QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '' });
    expect(recordToLrmx(draft)).toEqual(p);
  });
});

describe('recordToLrmx', () => {
  it('writes record fields as the form stores them, school and major as one string, other extras as elements', () => {
    const p = recordToLrmx(
      {
        name: '郑一',
        gender: 'female',
        birthDate: '1990-01-02',
        partyJoinDate: '2012-07',
        workStartDate: null,
        idNumber: null,
        fullTimeEducation: { education: '大学', degree: '理学学士', school: '复旦大学', major: '数学' },
        family: [
          {
            relation: '母亲',
            name: '王二',
            birthDate: '1965-03-04',
            politicalStatus: '群众',
            workUnitAndPost: '退休',
          },
        ],
        extras: { NiRenZhiWu: '科长', 备注: '无', 'JiaTingChengYuan[9].ChuShengRiQi': '孤立' },
      },
      new Uint8Array([1, 2]),
    );
    expect(p).toEqual({
      ...emptyLrmxPerson(),
      XingMing: '郑一',
      XingBie: '女',
      ChuShengNianYue: '19900102',
      RuDangShiJian: '201207',
      QuanRiZhiJiaoYu_XueLi: '大学',
      QuanRiZhiJiaoYu_XueWei: '理学学士',
      QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '复旦大学数学',
      QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '复旦大学数学',
      NiRenZhiWu: '科长',
      family: [
        {
          ChengWei: '母亲',
          XingMing: '王二',
          ChuShengRiQi: '19650304',
          ZhengZhiMianMao: '群众',
          GongZuoDanWeiJiZhiWu: '退休',
        },
      ],
      photo: new Uint8Array([1, 2]),
      unknown: { 备注: '无' },
    });
  });

  it('prefers a filled record column over a raw value left in extras', () => {
    const p = recordToLrmx({ birthDate: '1978-03', extras: { ChuShengNianYue: '1978年春' } });
    expect(p.ChuShengNianYue).toBe('197803');
  });
});
