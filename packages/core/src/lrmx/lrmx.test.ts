import { describe, expect, it } from 'vitest';
import { expectedCompletePerson } from './fixtures/expected.ts';
import { encodeGbk } from './fixtures/gbk.ts';
import { fixture } from './fixtures/load.ts';
import { emptyLrmxPerson, type LrmxPerson, type LrmxReadResult } from './person.ts';
import { readLrmx } from './read-lrmx.ts';
import { writeLrmx } from './write-lrmx.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const doc = (body: string) => utf8(`<?xml version="1.0" encoding="UTF-8"?><Person>${body}</Person>`);

function person(result: LrmxReadResult): LrmxPerson {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.person;
}
function warnings(result: LrmxReadResult): string[] {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.warnings;
}
function refusal(result: LrmxReadResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('readLrmx: fixtures', () => {
  it('reads every element of a complete UTF-8 file with photo and three family members', () => {
    const result = readLrmx(fixture('complete.lrmx'));
    expect(result).toEqual({ ok: true, person: expectedCompletePerson(), warnings: [] });
    const p = person(result);
    expect(p.photo?.length).toBe(141);
    expect([p.photo?.[0], p.photo?.[1], p.photo?.at(-2), p.photo?.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });

  it('reads a BOM file with shuffled order, a missing element, padded values and an unknown element', () => {
    const result = readLrmx(fixture('bom-shuffled.lrmx'));
    expect(result).toEqual({
      ok: true,
      person: { ...expectedCompletePerson(), NiMianZhiWu: '', unknown: { ZuiGaoXueLi: '研究生' } },
      warnings: [],
    });
  });

  it('reads a GB2312-declared file, decoding Chinese text as GBK', () => {
    const p = person(readLrmx(fixture('gb2312.lrmx')));
    expect(p.XingMing).toBe('赵丽娟');
    expect(p.XingBie).toBe('2');
    expect(p.ChuShengNianYue).toBe('1982.11');
    expect(p.MinZu).toBe('回族');
    expect(p.RuDangShiJian).toBe('2004年6月');
    expect(p.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi).toBe('山东大学管理学院行政管理专业');
    expect(p.JianLi).toBe(
      '2005.07--2012.03  区人力资源和社会保障局科员\n2012.03--         区委组织部干部科副科长、科长',
    );
    expect(p.ZhengZhiMianMao).toBe('');
    expect(p.photo).toBeNull();
    expect(p.family).toEqual([
      {
        ChengWei: '丈夫',
        XingMing: '孙伟',
        ChuShengRiQi: '198101',
        ZhengZhiMianMao: '中共党员',
        GongZuoDanWeiJiZhiWu: '区财政局副局长',
      },
    ]);
  });
});

describe('readLrmx: refusals', () => {
  it('refuses the billion-laughs file quickly, before parsing', () => {
    const bytes = fixture('billion-laughs.lrmx');
    const started = performance.now();
    const result = refusal(readLrmx(bytes));
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.code).toBe('DTD_OR_ENTITY');
    expect(result.message).toMatch(/DTD/);
  });

  it.each([
    ['lower-case doctype after a BOM', '\uFEFF<?xml version="1.0"?><!doctype Person><Person/>'],
    ['a lone entity declaration', '<Person><!ENTITY x "y"></Person>'],
    ['a doctype with an external system id', '<!DOCTYPE Person SYSTEM "file:///etc/passwd"><Person/>'],
  ])('refuses %s', (_label, text) => {
    expect(refusal(readLrmx(utf8(text))).code).toBe('DTD_OR_ENTITY');
  });

  it('refuses a doctype in a UTF-16 document', () => {
    const text = '\uFEFF<!DOCTYPE Person><Person/>';
    const bytes = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(refusal(readLrmx(bytes)).code).toBe('DTD_OR_ENTITY');
  });

  it('refuses a file over maxBytes before looking at it, default 5 MB', () => {
    expect(refusal(readLrmx(fixture('complete.lrmx'), { maxBytes: 1000 })).code).toBe('TOO_LARGE');
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20);
    const result = refusal(readLrmx(big));
    expect(result.code).toBe('TOO_LARGE');
    expect(result.message).toContain('5 MB');
    expect(readLrmx(fixture('complete.lrmx'), { maxBytes: 4000 }).ok).toBe(true);
  });

  it.each([
    ['plain text', '张三,男,1980'],
    ['an empty file', ''],
    ['mismatched tags', '<Person><XingMing>张三</XingBie></Person>'],
    ['a truncated file', '<Person><XingMing>张三</XingMing>'],
  ])('refuses %s as NOT_XML', (_label, text) => {
    const result = refusal(readLrmx(utf8(text)));
    expect(result.code).toBe('NOT_XML');
    expect(result.message).not.toBe('');
  });

  it('refuses a file with tens of thousands of tags as TOO_LARGE, before building a tree', () => {
    const started = performance.now();
    const result = refusal(readLrmx(doc('<A/>'.repeat(50_000))));
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.code).toBe('TOO_LARGE');
  });

  it('refuses nesting deeper than the parser allows', () => {
    expect(refusal(readLrmx(doc('<A>'.repeat(500) + '</A>'.repeat(500)))).code).toBe('NOT_XML');
  });

  it('refuses XML whose root is not Person', () => {
    const result = refusal(readLrmx(utf8('<?xml version="1.0"?><Persons><Person/></Persons>')));
    expect(result).toEqual({
      ok: false,
      code: 'NOT_PERSON',
      message: '根元素是 <Persons>，不是任免审批表的 <Person>',
    });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const bytes = new Uint8Array([
      ...utf8('<Person><XingMing>'),
      0x80,
      0xff,
      0x80,
      ...utf8('</XingMing></Person>'),
    ]);
    expect(refusal(readLrmx(bytes)).code).toBe('ENCODING');
  });
});

describe('readLrmx: liberal reading', () => {
  it('accepts a namespace prefix and different case on the root and the elements', () => {
    const text =
      '<lr:person xmlns:lr="urn:x"><lr:xingming>张三</lr:xingming><XINGBIE>男</XINGBIE>' +
      '<jiatingchengyuan><item><chengwei>妻子</chengwei><xingming>李四</xingming></item></jiatingchengyuan></lr:person>';
    const p = person(readLrmx(utf8(text)));
    expect([p.XingMing, p.XingBie]).toEqual(['张三', '男']);
    expect(p.family).toEqual([
      { ChengWei: '妻子', XingMing: '李四', ChuShengRiQi: '', ZhengZhiMianMao: '', GongZuoDanWeiJiZhiWu: '' },
    ]);
  });

  it('reads an empty Person as an empty person', () => {
    expect(readLrmx(utf8('<Person/>'))).toEqual({ ok: true, person: emptyLrmxPerson(), warnings: [] });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = '\uFEFF<?xml version="1.0" encoding="UTF-16"?><Person><XingMing>王五</XingMing></Person>';
    const units = [...text].map((c) => c.charCodeAt(0));
    const le = new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]));
    const be = new Uint8Array(units.flatMap((u) => [u >> 8, u & 0xff]));
    expect(person(readLrmx(le)).XingMing).toBe('王五');
    expect(person(readLrmx(be)).XingMing).toBe('王五');
  });

  it('reads GBK and GB18030 declarations, and a GB2312 declaration on a file that is really UTF-8', () => {
    for (const enc of ['GBK', 'gb18030', 'gb2312']) {
      const text = `<?xml version="1.0" encoding="${enc}"?><Person><XingMing>钱六</XingMing></Person>`;
      expect(person(readLrmx(encodeGbk(text))).XingMing).toBe('钱六');
    }
    const mislabelled = readLrmx(
      utf8('<?xml version="1.0" encoding="GB2312"?><Person><XingMing>钱六</XingMing></Person>'),
    );
    expect(person(mislabelled).XingMing).toBe('钱六');
    expect(warnings(mislabelled)).toEqual(['文件声明为 GB2312/GBK，实际为 UTF-8，已按 UTF-8 解码']);
  });

  it('falls back to GB18030 for a UTF-8 file with GBK bytes, with a warning', () => {
    const result = readLrmx(
      encodeGbk('<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>孙七</XingMing></Person>'),
    );
    expect(person(result).XingMing).toBe('孙七');
    expect(warnings(result)).toEqual(['文件含有不合法的 UTF-8 字节，已按 GB18030 解码，请核对中文内容']);
  });

  it('resolves predefined entities and character references, but nothing else', () => {
    const p = person(
      readLrmx(doc('<XingMing>A&amp;B &lt;c&gt; &#x674E;&#26446; &amp;lt; &nbsp;</XingMing>')),
    );
    expect(p.XingMing).toBe('A&B <c> 李李 &lt; &nbsp;');
  });

  it('keeps CDATA as is and escapes a stray ampersand with a warning', () => {
    const p = readLrmx(
      doc('<JianLi><![CDATA[a & <b>]]></JianLi><RenMianLiYou>工作需要 & 本人申请</RenMianLiYou>'),
    );
    expect(person(p).JianLi).toBe('a & <b>');
    expect(person(p).RenMianLiYou).toBe('工作需要 & 本人申请');
    expect(warnings(p)).toEqual(['文件中有 1 处未转义的“&”，已按普通字符读取']);
  });

  it('keeps unknown elements, nested ones as their XML text, and warns on duplicates', () => {
    const result = readLrmx(
      doc(
        '<A>1</A><B> <C x="1">2</C><D/> </B><Empty/><A>3</A><XingMing>甲</XingMing><XingMing>乙</XingMing>',
      ),
    );
    expect(person(result).unknown).toEqual({ A: '1', B: '<C x="1">2</C><D/>', Empty: '' });
    expect(person(result).XingMing).toBe('甲');
    expect(warnings(result)).toEqual([
      '未知元素 <A> 出现多次，已保留第一次的内容',
      '元素 <XingMing> 出现多次，已采用第一次的内容',
    ]);
  });

  it('keeps unknown elements named like JavaScript object internals as plain data', () => {
    const p = person(
      readLrmx(doc('<constructor>1</constructor><__proto__ a="b">2</__proto__><toString>3</toString>')),
    );
    expect(Object.entries(p.unknown)).toEqual([
      ['constructor', '1'],
      ['__proto__', '2'],
      ['toString', '3'],
    ]);
    expect(Object.getPrototypeOf(p.unknown)).toBe(Object.prototype);
  });

  it('lists each warning once and at most 50 of them', () => {
    const items = Array.from({ length: 60 }, (_, i) => `<Item><XingMing>成员${i}</XingMing><Q/></Item>`).join(
      '',
    );
    const result = readLrmx(doc(`<A>1</A><A>2</A><A>3</A><JiaTingChengYuan>${items}</JiaTingChengYuan>`));
    expect(person(result).family).toHaveLength(60);
    const list = warnings(result);
    expect(list).toHaveLength(51);
    expect(list.filter((w) => w.startsWith('未知元素 <A>'))).toHaveLength(1);
    expect(list.at(-1)).toBe('另有 11 条提示未列出');
  });

  it('takes a later non-empty duplicate over an earlier empty one', () => {
    expect(person(readLrmx(doc('<XingMing/><XingMing>丙</XingMing>'))).XingMing).toBe('丙');
  });

  it('decodes a photo with line breaks and drops one that is not base64, with a warning', () => {
    const photo = person(readLrmx(doc('<ZhaoPian>\n/9j/\r\n2w==\n</ZhaoPian>'))).photo;
    expect(photo).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]));
    const bad = readLrmx(doc('<ZhaoPian>这不是照片!!</ZhaoPian>'));
    expect(person(bad).photo).toBeNull();
    expect(warnings(bad)).toEqual(['照片 <ZhaoPian> 不是有效的 Base64 数据，已舍弃']);
    expect(warnings(readLrmx(doc('<ZhaoPian>iVBORw0KGgo=</ZhaoPian>')))).toEqual([
      '照片 <ZhaoPian> 不是 JPEG 格式，请核对',
    ]);
  });

  it('reads a single family member with or without Item, and several JiaTingChengYuan blocks', () => {
    const single = person(
      readLrmx(
        doc('<JiaTingChengYuan><ChengWei>母亲</ChengWei><XingMing>周八</XingMing></JiaTingChengYuan>'),
      ),
    );
    expect(single.family.map((m) => m.XingMing)).toEqual(['周八']);
    const two = person(
      readLrmx(
        doc(
          '<JiaTingChengYuan><Item><XingMing>甲</XingMing></Item></JiaTingChengYuan><JiaTingChengYuan><Item><XingMing>乙</XingMing></Item></JiaTingChengYuan>',
        ),
      ),
    );
    expect(two.family.map((m) => m.XingMing)).toEqual(['甲', '乙']);
  });
});

describe('writeLrmx', () => {
  it('writes UTF-8 without BOM, every element in the fixed order, empty ones as <X></X>', () => {
    const bytes = writeLrmx(emptyLrmxPerson());
    expect(bytes[0]).toBe(0x3c);
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Person>',
        ...[
          'XingMing',
          'XingBie',
          'ChuShengNianYue',
          'MinZu',
          'JiGuan',
          'ChuShengDi',
          'RuDangShiJian',
          'CanJiaGongZuoShiJian',
          'JianKangZhuangKuang',
          'ZhuanYeJiShuZhiWu',
          'ShuXiZhuanYeYouHeZhuanChang',
          'QuanRiZhiJiaoYu_XueLi',
          'QuanRiZhiJiaoYu_XueWei',
          'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
          'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
          'ZaiZhiJiaoYu_XueLi',
          'ZaiZhiJiaoYu_XueWei',
          'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
          'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
          'XianRenZhiWu',
          'NiRenZhiWu',
          'NiMianZhiWu',
          'JianLi',
          'JiangChengQingKuang',
          'NianDuKaoHeJieGuo',
          'RenMianLiYou',
          'ChengBaoDanWei',
          'JiSuanNianLingShiJian',
          'TianBiaoShiJian',
          'TianBiaoRen',
          'ShenFenZheng',
          'ZhaoPian',
          'ZhengZhiMianMao',
          'Version',
        ].map((k) => `  <${k}></${k}>`),
        '  <JiaTingChengYuan>',
        '  </JiaTingChengYuan>',
        '</Person>',
        '',
      ].join('\n'),
    );
  });

  it('writes family items, the photo as one base64 line, unknown elements last, escaped text', () => {
    const p: LrmxPerson = {
      ...emptyLrmxPerson(),
      XingMing: '张<三>&',
      family: [
        {
          ChengWei: '妻子',
          XingMing: '李四',
          ChuShengRiQi: '198001',
          ZhengZhiMianMao: '',
          GongZuoDanWeiJiZhiWu: 'A&B',
        },
      ],
      photo: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      unknown: { ZuiGaoXueLi: '研究生' },
    };
    const text = new TextDecoder().decode(writeLrmx(p));
    expect(text).toContain('<XingMing>张&lt;三&gt;&amp;</XingMing>');
    expect(text).toContain('<ZhaoPian>/9j/2Q==</ZhaoPian>');
    expect(text).toContain(
      '<Item>\n      <ChengWei>妻子</ChengWei>\n      <XingMing>李四</XingMing>\n      <ChuShengRiQi>198001</ChuShengRiQi>\n' +
        '      <ZhengZhiMianMao></ZhengZhiMianMao>\n      <GongZuoDanWeiJiZhiWu>A&amp;B</GongZuoDanWeiJiZhiWu>\n    </Item>',
    );
    expect(text.endsWith('  </JiaTingChengYuan>\n  <ZuiGaoXueLi>研究生</ZuiGaoXueLi>\n</Person>\n')).toBe(
      true,
    );
  });

  it.each(['complete.lrmx', 'bom-shuffled.lrmx', 'gb2312.lrmx'])('round-trips %s deep-equal', (name) => {
    const first = person(readLrmx(fixture(name)));
    const again = readLrmx(writeLrmx(first));
    expect(again).toEqual({ ok: true, person: first, warnings: [] });
  });

  it('round-trips awkward text: edge whitespace, CR, markup, quotes, odd unknown keys', () => {
    const p: LrmxPerson = {
      ...emptyLrmxPerson(),
      XingMing: '  张三\u3000',
      JianLi: 'line1\r\nline2\rline3\n\n  indented',
      RenMianLiYou: '<b>"a" & \'b\'</b> ]]> &amp;',
      unknown: {
        'with space': 'x',
        'a:b': 'y',
        XingMing: 'z',
        extra: 'e',
        '': 'empty key',
        Nested: '<C x="1">2</C>',
      },
    };
    p.unknown = Object.fromEntries([...Object.entries(p.unknown), ['__proto__', 'p']]);
    const again = person(readLrmx(writeLrmx(p)));
    expect(again).toEqual(p);
    expect(Object.hasOwn(again.unknown, '__proto__')).toBe(true);
  });

  it('drops characters XML cannot carry', () => {
    const p = { ...emptyLrmxPerson(), XingMing: '张\u0001三\u0008' };
    expect(person(readLrmx(writeLrmx(p))).XingMing).toBe('张三');
  });
});
