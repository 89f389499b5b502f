import { describe, expect, it } from 'vitest';
import { encodeGbk } from './fixtures/gbk.ts';
import { GB2312_LRMX_TEXT, LRM_TEXT, OTHER_OFFICIAL_GBK_TEXT } from './fixtures/gbk-sources.ts';
import { fixture } from './fixtures/load.ts';
import { emptyLrmxPerson, type LrmxPerson, type LrmxReadResult } from './person.ts';
import { readLrm } from './read-lrm.ts';
import { readLrmx } from './read-lrmx.ts';
import { writeLrmx } from './write-lrmx.ts';

function person(result: LrmxReadResult): LrmxPerson {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.person;
}

describe('readLrm (2.0 text + .pic)', () => {
  it('reads every field of the GBK .lrm fixture with its .pic photo', () => {
    const result = readLrm(fixture('wang-jianjun.lrm'), fixture('wang-jianjun.pic'));
    const expected: LrmxPerson = {
      ...emptyLrmxPerson(),
      XingMing: '王建军',
      XingBie: '男',
      ChuShengNianYue: '196911',
      MinZu: '汉族',
      JiGuan: '江苏南京',
      RuDangShiJian: '199207',
      JianKangZhuangKuang: '健康',
      ChuShengDi: '江苏南京',
      CanJiaGongZuoShiJian: '198808',
      QuanRiZhiJiaoYu_XueLi: '大学',
      QuanRiZhiJiaoYu_XueWei: '经济学学士',
      QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '南京大学经济系经济学专业',
      QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '南京大学经济系经济学专业',
      ZaiZhiJiaoYu_XueLi: '研究生',
      ZaiZhiJiaoYu_XueWei: '',
      ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '中央党校研究生院政治学专业',
      ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
      ZhuanYeJiShuZhiWu: '高级经济师',
      ShuXiZhuanYeYouHeZhuanChang: '经济管理',
      JianLi: '1988.08--1995.03  区计划委员会科员\n1995.03--         区发展和改革局副局长、局长',
      JiangChengQingKuang: '无',
      NianDuKaoHeJieGuo: '2022年度考核为优秀',
      XianRenZhiWu: '区发展和改革局局长',
      NiRenZhiWu: '区人民政府副区长',
      NiMianZhiWu: '区发展和改革局局长',
      RenMianLiYou: '工作需要',
      ChengBaoDanWei: '中共示范区委',
      JiSuanNianLingShiJian: '202406',
      TianBiaoRen: '张敏',
      TianBiaoShiJian: '2024.06.20',
      family: [
        {
          ChengWei: '妻子',
          XingMing: '刘芳',
          ChuShengRiQi: '197102',
          ZhengZhiMianMao: '中共党员',
          GongZuoDanWeiJiZhiWu: '区人民医院医生',
        },
        {
          ChengWei: '女儿',
          XingMing: '王小雨',
          ChuShengRiQi: '199804',
          ZhengZhiMianMao: '群众',
          GongZuoDanWeiJiZhiWu: '南京某科技公司职员',
        },
      ],
      photo: fixture('photo.jpg'),
    };
    expect(result).toEqual({ ok: true, person: expected, warnings: [] });
  });

  it('the GBK fixtures are exactly the GBK bytes of their sources', () => {
    expect(fixture('wang-jianjun.lrm')).toEqual(encodeGbk(LRM_TEXT));
    expect(fixture('gb2312.lrmx')).toEqual(encodeGbk(GB2312_LRMX_TEXT));
    expect(fixture('other-official-gbk.lrmx')).toEqual(encodeGbk(OTHER_OFFICIAL_GBK_TEXT));
    expect(new TextDecoder('gbk').decode(fixture('wang-jianjun.lrm'))).toBe(LRM_TEXT);
  });

  it('reads without a .pic as no photo, and round-trips through writeLrmx', () => {
    const p = person(readLrm(fixture('wang-jianjun.lrm')));
    expect(p.photo).toBeNull();
    expect(person(readLrmx(writeLrmx(p)))).toEqual(p);
  });

  it('is liberal about missing trailing fields and UTF-8 text, warning about the short line', () => {
    const result = readLrm(new TextEncoder().encode('"孙八","女","199001","汉族"\n'));
    expect(result).toEqual({
      ok: true,
      person: {
        ...emptyLrmxPerson(),
        XingMing: '孙八',
        XingBie: '女',
        ChuShengNianYue: '199001',
        MinZu: '汉族',
      },
      warnings: ['文件只有 4 个字段（应为 33 个），缺少的按空白读取'],
    });
  });

  it('keeps undocumented non-empty fields as LrmFieldN', () => {
    const fields = Array.from({ length: 35 }, (_, i) =>
      i === 0 ? '周九' : i === 13 || i === 34 ? `x${i}` : '',
    );
    const p = person(readLrm(encodeGbk(`"${fields.join('","')}"`)));
    expect(p.unknown).toEqual({ LrmField13: 'x13', LrmField34: 'x34' });
  });

  it('bounds hostile input: at most 100 fields and 50 family members', () => {
    const fields = Array.from({ length: 150 }, (_, i) => (i === 21 ? '甲@'.repeat(80) : i === 0 ? '吴' : ''));
    const result = readLrm(encodeGbk(`"${fields.join('","')}"`));
    expect(person(result).family).toHaveLength(50);
    expect(result.ok && result.warnings).toEqual(['文件的字段超过 100 个，之后的内容未读取']);
  });

  it('reads a .lrmx handed in as .lrm, with a warning', () => {
    const result = readLrm(fixture('complete.lrmx'));
    expect(person(result).XingMing).toBe('李明华');
    expect(result.ok && result.warnings).toEqual(['文件是 .lrmx（XML）格式，已按 .lrmx 读取']);
    expect(readLrm(fixture('billion-laughs.lrmx'))).toMatchObject({ ok: false, code: 'DTD_OR_ENTITY' });
  });

  it('refuses text that is no .lrm, undecodable bytes and oversized input', () => {
    expect(readLrm(new TextEncoder().encode('姓名,性别\n张三,男'))).toMatchObject({
      ok: false,
      code: 'NOT_PERSON',
    });
    expect(readLrm(new Uint8Array([0x22, 0x81, 0x22, 0x2c, 0x22, 0x81, 0x22]))).toMatchObject({
      ok: false,
      code: 'ENCODING',
    });
    expect(
      readLrm(fixture('wang-jianjun.lrm'), fixture('wang-jianjun.pic'), { maxBytes: 600 }),
    ).toMatchObject({
      ok: false,
      code: 'TOO_LARGE',
    });
  });
});
