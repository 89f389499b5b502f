import { describe, expect, it } from 'vitest';
import { parseResume, type ResumeEntry } from './resume-parse.ts';
import { printedResume, resumeAppointments, resumeText } from './resume.ts';

/** An entry with the defaults of a post line; tests spell out only what differs. */
const post = (
  e: Partial<ResumeEntry> & Pick<ResumeEntry, 'start' | 'end' | 'text' | 'line'>,
): ResumeEntry => ({
  kind: 'post',
  unitName: '',
  title: '',
  titleSure: true,
  unitKind: null,
  secondment: false,
  concurrent: false,
  during: [],
  ...e,
});
const study = (e: Pick<ResumeEntry, 'start' | 'end' | 'text' | 'line'>): ResumeEntry =>
  post({ ...e, kind: 'study', unitName: e.text });

const periods = (text: string) => parseResume(text).entries.map((e) => [e.start, e.end, e.text]);

describe('[cadre] parseResume: periods as officers and other tools write them', () => {
  it('reads --, —, －－, -, 至, 至今, open-ended, 2003.9, full-width and ASCII spaces and tabs, CRLF', () => {
    const text = [
      '1998.09--2002.07  甲',
      '2002.07—2004.3\t乙',
      '2004.03－－2006.12　　丙',
      '2006.12-2008.1 丁',
      '2008.01至2010.06　戊',
      '2010.06—至今 己',
      '2011.9--  庚',
    ].join('\r\n');
    expect(periods(text)).toEqual([
      ['1998-09', '2002-07', '甲'],
      ['2002-07', '2004-03', '乙'],
      ['2004-03', '2006-12', '丙'],
      ['2006-12', '2008-01', '丁'],
      ['2008-01', '2010-06', '戊'],
      ['2010-06', null, '己'],
      ['2011-09', null, '庚'],
    ]);
  });

  it('keeps the text verbatim beside the entries', () => {
    const text = '2003.09--2007.07　某大学学习\r\n　　（其间：x）\r\n';
    expect(parseResume(text).text).toBe(text);
  });
});

describe('[cadre] parseResume: study, 其间, titles, 挂职 and 兼任', () => {
  it('the issue’s resume: study line, an indented 其间 line as a sub-entry, 副主任 and 主任 alike', () => {
    const text = [
      '2003.09--2007.07  某大学某专业学习',
      '2007.07--2013.08  某大学教务处科员',
      '2013.08--2018.12  某大学教务处副主任',
      '                  （其间：2013.09--2016.07  某大学公共管理专业在职研究生学习）',
      '2018.12--         某大学教务处主任',
    ].join('\n');
    const parsed = parseResume(text);
    expect(parsed.entries).toEqual([
      study({ start: '2003-09', end: '2007-07', text: '某大学某专业学习', line: 1 }),
      post({
        start: '2007-07',
        end: '2013-08',
        text: '某大学教务处科员',
        line: 2,
        unitName: '某大学教务处',
        title: '科员',
      }),
      post({
        start: '2013-08',
        end: '2018-12',
        text: '某大学教务处副主任',
        line: 3,
        unitName: '某大学教务处',
        title: '副主任',
        during: [
          study({ start: '2013-09', end: '2016-07', text: '某大学公共管理专业在职研究生学习', line: 4 }),
        ],
      }),
      post({
        start: '2018-12',
        end: null,
        text: '某大学教务处主任',
        line: 5,
        unitName: '某大学教务处',
        title: '主任',
      }),
    ]);
    expect(parsed.notes).toEqual([]);
    // study periods are no appointments
    expect(resumeAppointments(parsed)).toEqual([
      { unitName: '某大学教务处', unitKind: null, title: '科员', start: '2007-07', end: '2013-08' },
      { unitName: '某大学教务处', unitKind: null, title: '副主任', start: '2013-08', end: '2018-12' },
      { unitName: '某大学教务处', unitKind: null, title: '主任', start: '2018-12', end: null },
    ]);
  });

  it('several 其间 items in half-width brackets spanning two lines, 挂职 and 兼任, 就读 and 党校 study', () => {
    const text = [
      '2001.09--2005.07 就读于某师范大学中文系',
      '2005.07--2016.03 某镇人民政府党政办科员、某镇党委委员、副镇长',
      '2016.03--        某县人民政府常务副县长（挂职）(其间：2016.05--2017.05 兼任某镇某村党支部第一书记；',
      '                 2018.03--2018.07 在省委党校中青年干部培训班学习)',
    ].join('\n');
    const parsed = parseResume(text);
    expect(parsed.entries).toEqual([
      study({ start: '2001-09', end: '2005-07', text: '就读于某师范大学中文系', line: 1 }),
      post({
        start: '2005-07',
        end: '2016-03',
        text: '某镇人民政府党政办科员、某镇党委委员、副镇长',
        line: 2,
        // a segment after 、 that is no title ("某镇党委委员" is, so all three are titles of the first unit)
        unitName: '某镇人民政府党政办',
        title: '科员、某镇党委委员、副镇长',
        unitKind: 'township',
      }),
      post({
        start: '2016-03',
        end: null,
        text: '某县人民政府常务副县长（挂职）',
        line: 3,
        unitName: '某县人民政府',
        title: '常务副县长',
        secondment: true,
        during: [
          post({
            start: '2016-05',
            end: '2017-05',
            text: '兼任某镇某村党支部第一书记',
            line: 3,
            unitName: '某镇某村党支部',
            title: '第一书记',
            unitKind: 'village',
            concurrent: true,
          }),
          study({ start: '2018-03', end: '2018-07', text: '在省委党校中青年干部培训班学习', line: 3 }),
        ],
      }),
    ]);
    expect(resumeAppointments(parsed).map((a) => `${a.unitName}|${a.title}|${a.unitKind}`)).toEqual([
      '某镇人民政府党政办|科员、某镇党委委员、副镇长|township',
      '某县人民政府|常务副县长（挂职）|null',
      '某镇某村党支部|第一书记|village',
    ]);
  });

  it('党委书记、主任 as two titles, 一级主任科员, a title-only 其间 item in its parent’s unit', () => {
    const text = [
      '2009.07--2015.06  区委组织部一级主任科员',
      '2015.06--2020.01  城南街道党工委书记、人大工委主任（其间：兼任党工委委员；2016.01--2016.12 在某镇挂职任副镇长）',
      '2020.01--  区发展和改革局党委书记、主任',
    ].join('\n');
    const apps = resumeAppointments(parseResume(text));
    expect(apps).toEqual([
      { unitName: '区委组织部', unitKind: null, title: '一级主任科员', start: '2009-07', end: '2015-06' },
      {
        unitName: '城南街道',
        unitKind: 'street',
        title: '党工委书记、人大工委主任',
        start: '2015-06',
        end: '2020-01',
      },
      { unitName: '城南街道', unitKind: 'street', title: '党工委委员', start: '2015-06', end: '2020-01' },
      { unitName: '某镇', unitKind: 'township', title: '副镇长（挂职）', start: '2016-01', end: '2016-12' },
      { unitName: '区发展和改革局', unitKind: null, title: '党委书记、主任', start: '2020-01', end: null },
    ]);
  });

  it('keeps a text with no known title whole as the unit and asks the officer to check it', () => {
    const parsed = parseResume('2010.01--2012.12  某研究院项目专员\n2013.01--2014.01  待业');
    expect(parsed.entries.map((e) => [e.kind, e.unitName, e.title, e.titleSure])).toEqual([
      ['post', '某研究院项目专员', '', false],
      ['other', '待业', '', true],
    ]);
    expect(parsed.notes).toEqual([
      { line: 1, message: '简历第 1 行“某研究院项目专员”未能分出职务，已整段记为单位，请核对' },
    ]);
    expect(resumeAppointments(parsed)).toEqual([
      { unitName: '某研究院项目专员', unitKind: null, title: '', start: '2010-01', end: '2012-12' },
    ]);
  });

  it('joins a wrapped line to its entry; skips text before the first entry', () => {
    expect(periods('简历：\n2005.09--2009.07  某某大学公共管理学院行政管理专业\n      学习')).toEqual([
      ['2005-09', '2009-07', '某某大学公共管理学院行政管理专业学习'],
    ]);
  });
});

describe('[cadre] printedResume', () => {
  const text =
    '2007.07--2013.08\u3000某大学教务处科员\r\n2013.08--         某大学教务处副主任\r\n　（其间：2013.09--2016.07  在职研究生学习）';
  const appointments = resumeAppointments(parseResume(text));

  it('prints the resume as it came while the appointments are the ones it stands for', () => {
    expect(printedResume({ appointments, extras: { JianLi: text } })).toBe(text);
  });

  it('prints the standard text once the appointments were changed, or when there is no text', () => {
    const changed = [...appointments, { unitName: '区委办', title: '主任', start: '2020-01', end: null }];
    expect(printedResume({ appointments: changed, extras: { JianLi: text } })).toBe(resumeText(changed));
    expect(printedResume({ appointments, extras: {} })).toBe(
      '2007.07--2013.08  某大学教务处科员\n2013.08--         某大学教务处副主任',
    );
  });
});
