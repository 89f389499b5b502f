import { describe, expect, it } from 'vitest';
import { parseResumeText, resumeText, type ResumePost } from './resume.ts';

const POSTS: ResumePost[] = [
  // given out of order: the resume sorts by start
  { unitName: '区农业农村局', title: '局长', start: '2021-04', end: null },
  { unitName: '某镇', title: '', start: '2008-07', end: '2012-12' },
  { unitName: '某街道', title: '副主任', start: '2013-01', end: '2016-08' },
  { unitName: '某镇', title: '党委书记', start: '2016-09-15', end: '2021-03-31' },
];

const TEXT = [
  '2008.07--2012.12  某镇',
  '2013.01--2016.08  某街道副主任',
  '2016.09--2021.03  某镇党委书记',
  // 'YYYY.MM--' is 9 characters, padded with 7 spaces to the 16 of 'YYYY.MM--YYYY.MM', then 2 spaces
  '2021.04--         区农业农村局局长',
].join('\n');

describe('resumeText', () => {
  it('writes one aligned line per post in start order, days shown to the month', () => {
    expect(resumeText(POSTS)).toBe(TEXT);
    const lines = resumeText(POSTS).split('\n');
    // the text column starts at character 18 (16 for the period + 2 spaces) on every line
    expect(lines.map((l) => /^.{16} {2}\S/u.test(l))).toEqual([true, true, true, true]);
  });

  it('is empty without posts', () => {
    expect(resumeText([])).toBe('');
  });
});

describe('parseResumeText', () => {
  it('round-trips resumeText (to the month)', () => {
    expect(parseResumeText(resumeText(POSTS))).toEqual([
      { start: '2008-07', end: '2012-12', text: '某镇' },
      { start: '2013-01', end: '2016-08', text: '某街道副主任' },
      { start: '2016-09', end: '2021-03', text: '某镇党委书记' },
      { start: '2021-04', end: null, text: '区农业农村局局长' },
    ]);
  });

  it('accepts the usual dashes, full-width characters and 至今', () => {
    const text = [
      '1987.03--1990.07  甲',
      '1990.08-1992.07 乙',
      '1992.08—1995.12　丙',
      '1996.01——1998.06 丁',
      '1998.07～2001.12 戊',
      '２００２．０１~2003.3 己',
      '2003.04—至今 庚',
    ].join('\r\n');
    expect(parseResumeText(text)).toEqual([
      { start: '1987-03', end: '1990-07', text: '甲' },
      { start: '1990-08', end: '1992-07', text: '乙' },
      { start: '1992-08', end: '1995-12', text: '丙' },
      { start: '1996-01', end: '1998-06', text: '丁' },
      { start: '1998-07', end: '2001-12', text: '戊' },
      { start: '2002-01', end: '2003-03', text: '己' },
      { start: '2003-04', end: null, text: '庚' },
    ]);
  });

  it('joins continuation lines to the previous entry, leaves 其间 out, skips what comes before the first', () => {
    const text = [
      '简历：',
      '2005.09--2009.07  某某大学公共管理学院行政管理专业',
      '                  学习',
      '2009.07--2014.12  某镇党政办科员',
      '                  （其间：2011.09--2013.07 在省委党校在职研究生班学习）',
      '',
      '2015.01--         某街道党工委委员、办事处副主任,',
      'responsible for planning',
    ].join('\n');
    expect(parseResumeText(text)).toEqual([
      { start: '2005-09', end: '2009-07', text: '某某大学公共管理学院行政管理专业学习' },
      // the 其间 line is a sub-entry (parseResume), not part of the unit's name
      { start: '2009-07', end: '2014-12', text: '某镇党政办科员' },
      { start: '2015-01', end: null, text: '某街道党工委委员、办事处副主任, responsible for planning' },
    ]);
  });

  it('treats a line with an impossible month as text', () => {
    expect(parseResumeText('2001.01--2002.01 甲\n2001.13--2002.01 乙')).toEqual([
      { start: '2001-01', end: '2002-01', text: '甲2001.13--2002.01 乙' },
    ]);
  });
});
