import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../cadre/derived-facts.ts';
import { CadreRecordInputSchema, type CadreRecord } from '../cadre/record.ts';
import { printedResume, type ResumeAppointment } from '../cadre/resume.ts';
import { validateCadreRecord } from '../cadre/validate.ts';
import { fixture } from './fixtures/load.ts';
import { readLrmx } from './read-lrmx.ts';
import { lrmxToRecordInput } from './to-record-input.ts';
import { recordToLrmx } from './to-record.ts';
import { writeLrmx } from './write-lrmx.ts';

/**
 * .lrmx files as other organisations' tools write them (fixtures/README.md): each imports into the exact
 * appointments of its 简历 (study periods left out, 其间 posts in), the exact years of work and at the
 * grassroots, and exports again with the 简历 exactly as it came.
 */

const ORG = '11111111-1111-4111-8111-111111111111';
const AS_OF = '2026-11-02';

function imported(name: string): { record: CadreRecord; warnings: string[]; jianLi: string } {
  const read = readLrmx(fixture(name));
  if (!read.ok) throw new Error(read.message);
  expect(read.warnings).toEqual([]);
  const { input, warnings } = lrmxToRecordInput(read.person, ORG);
  const record = CadreRecordInputSchema.parse(input);
  expect(validateCadreRecord(record, AS_OF)).toEqual([]);
  return { record, warnings, jianLi: read.person.JianLi };
}

const posts = (r: CadreRecord): ResumeAppointment[] =>
  r.appointments.map(({ unitName, unitKind, title, start, end }) => ({
    unitName,
    unitKind,
    title,
    start,
    end,
  }));

/** Export as the server does (the printable 简历 as JianLi), read it back, import again. */
function roundTrip(record: CadreRecord): { again: CadreRecord; jianLi: string } {
  const person = recordToLrmx({ ...record, extras: { ...record.extras, JianLi: printedResume(record) } });
  const read = readLrmx(writeLrmx(person));
  if (!read.ok) throw new Error(read.message);
  return {
    again: CadreRecordInputSchema.parse(lrmxToRecordInput(read.person, ORG).input),
    jianLi: read.person.JianLi,
  };
}

describe('[lrmx] files written by other tools', () => {
  it('official tool, GBK, CRLF, full-width spaces, an indented 其间 line (the issue’s resume)', () => {
    const { record, warnings, jianLi } = imported('other-official-gbk.lrmx');
    expect(warnings).toEqual([]);
    expect(jianLi.split('\n')[3]).toBe(
      '　　　　　　　　　　（其间：2013.09--2016.07　　某大学公共管理专业在职研究生学习）',
    );
    expect(posts(record)).toEqual([
      { unitName: '某大学教务处', unitKind: null, title: '科员', start: '2007-07', end: '2013-08' },
      { unitName: '某大学教务处', unitKind: null, title: '副主任', start: '2013-08', end: '2018-12' },
      { unitName: '某大学教务处', unitKind: null, title: '主任', start: '2018-12', end: '2021-06' },
      {
        unitName: '城南街道',
        unitKind: 'street',
        title: '党工委副书记、办事处主任',
        start: '2021-06',
        end: null,
      },
    ]);
    const facts = deriveFacts(record, AS_OF);
    // 2007.07 → 2026-11-02: 19 whole years; 城南街道 2021.06 … 2026.10: 65 months → 5.4
    expect(facts.yearsOfWork.value).toBe(19);
    expect(facts.grassrootsYears.value).toBe(5.4);
    expect(record.extras.JianLi).toBe(jianLi);
  });

  it('UTF-8 with BOM, tabs, a two-line (其间 …；…) in half-width brackets, 挂职, 兼任, no 参加工作时间', () => {
    const { record, warnings } = imported('other-utf8-bom-tabs.lrmx');
    expect(warnings).toEqual(['参加工作时间为空，已按简历中第一段任职的开始时间 2002.07 填写，请核对']);
    expect(record.workStartDate).toBe('2002-07');
    expect(posts(record)).toEqual([
      {
        unitName: '某镇人民政府农业服务中心',
        unitKind: 'township',
        title: '科员',
        start: '2002-07',
        end: '2008-12',
      },
      { unitName: '某镇', unitKind: 'township', title: '党委委员、副镇长', start: '2008-12', end: '2015-03' },
      { unitName: '某村党支部', unitKind: 'village', title: '第一书记', start: '2010-03', end: '2011-03' },
      { unitName: '区农业农村局', unitKind: null, title: '副局长', start: '2015-03', end: '2019-08' },
      { unitName: '某县人民政府', unitKind: null, title: '副县长（挂职）', start: '2019-08', end: null },
    ]);
    const facts = deriveFacts(record, AS_OF);
    // the 就读 years 1998.09–2002.07 are no work: 2002.07 → 24 whole years
    expect(facts.yearsOfWork.value).toBe(24);
    // 某镇 2002.07 … 2015.03 (the shared month 2008.12 and the 村 year inside counted once): 153 months → 12.8
    expect(facts.grassrootsYears.value).toBe(12.8);
  });

  it('UTF-8, CRLF, －－ / - / 至今, 2005.9, study naming a 社区, two 其间 items, an unsure title flagged', () => {
    const { record, warnings } = imported('other-utf8-crlf.lrmx');
    expect(warnings).toEqual(['简历第 5 行“借调区委巡察办”未能分出职务，已整段记为单位，请核对']);
    expect(posts(record)).toEqual([
      {
        unitName: '城南街道某社区居委会',
        unitKind: 'community',
        title: '工作人员',
        start: '2012-07',
        end: '2016-12',
      },
      {
        unitName: '城南街道党政办公室',
        unitKind: 'street',
        title: '一级科员',
        start: '2017-01',
        end: '2020-12',
      },
      { unitName: '借调区委巡察办', unitKind: null, title: '', start: '2019-03', end: '2019-09' },
      {
        unitName: '区人力资源和社会保障局',
        unitKind: null,
        title: '党委副书记、常务副局长',
        start: '2021-01',
        end: null,
      },
    ]);
    const facts = deriveFacts(record, AS_OF);
    expect(facts.yearsOfWork.value).toBe(14);
    // 社区 2012.07 … 2016.12 (54 months) + 街道 2017.01 … 2020.12 (48): 102 months → 8.5; the 社区管理 study
    // 2009.09 … 2012.07 is no post and counts nowhere
    expect(facts.grassrootsYears.value).toBe(8.5);
  });

  it.each(['other-official-gbk.lrmx', 'other-utf8-bom-tabs.lrmx', 'other-utf8-crlf.lrmx'])(
    '%s: import → export → import is exact, the 简历 exported as it came (其间 on its own line)',
    (name) => {
      const { record, jianLi } = imported(name);
      const { again, jianLi: exported } = roundTrip(record);
      expect(exported).toBe(jianLi);
      expect(again).toEqual(record);
    },
  );
});
