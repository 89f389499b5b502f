import { describe, expect, it } from 'vitest';
import { currentPostText, splitPostText, splitPostTextChecked } from './post-text.ts';

describe('[cadre] unit and title from a 简历 line', () => {
  it.each([
    ['区民政局科员、副主任科员', '区民政局', '科员、副主任科员'],
    ['清源区鼓楼街道党工委书记', '清源区鼓楼街道', '党工委书记'],
    ['清源区鼓楼街道党工委委员、办事处副主任', '清源区鼓楼街道', '党工委委员、办事处副主任'],
    ['狮子村党支部书记、村委会主任', '狮子村', '党支部书记、村委会主任'],
    ['区委办、区政府办科员', '区委办、区政府办', '科员'],
    ['鼓楼街道办事处副主任', '鼓楼街道办事处', '副主任'],
    ['区财政局办公室一级科员', '区财政局办公室', '一级科员'],
    ['鹰嘴镇人民政府副镇长兼武装部部长', '鹰嘴镇人民政府', '副镇长兼武装部部长'],
    ['福建师范大学学习', '福建师范大学学习', ''],
    ['科员', '', '科员'],
  ])('%s → %s | %s', (text, unitName, title) => {
    expect(splitPostText(text)).toEqual({ unitName, title });
  });
});

describe('现任职务 on the approval form', () => {
  const open = { unitName: '区委办公室', title: '副主任', start: '2021-04', end: null };
  it('puts the unit before a bare title: from the open post holding it, else the cadre’s unit', () => {
    expect(currentPostText({ postTitle: '副主任', orgName: '区委办公室', appointments: [open] })).toBe(
      '区委办公室副主任',
    );
    expect(
      currentPostText({
        postTitle: '副主任',
        orgName: '城南街道',
        appointments: [{ ...open, unitName: '城南街道党政综合办公室' }],
      }),
    ).toBe('城南街道党政综合办公室副主任');
    expect(currentPostText({ postTitle: '科员', orgName: '区民政局', appointments: [] })).toBe(
      '区民政局科员',
    );
  });
  it('keeps a 现任职务 that names its unit, and an empty one empty', () => {
    expect(
      currentPostText({
        postTitle: '城南街道党工委副书记、办事处主任',
        orgName: '城南街道',
        appointments: [open],
      }),
    ).toBe('城南街道党工委副书记、办事处主任');
    expect(currentPostText({ postTitle: '', orgName: '城南街道', appointments: [open] })).toBe('');
  });
});

describe('[cadre] titles from the core table, 副 and 正 alike', () => {
  it.each([
    ['某大学教务处副主任', '某大学教务处', '副主任'],
    ['某大学教务处主任', '某大学教务处', '主任'],
    ['某局党委书记、主任', '某局', '党委书记、主任'],
    ['某区人民政府常务副区长', '某区人民政府', '常务副区长'],
    ['区委组织部一级主任科员', '区委组织部', '一级主任科员'],
    ['某村党组织第一书记', '某村党组织', '第一书记'],
  ])('%s → %s | %s', (text, unitName, title) => {
    expect(splitPostText(text)).toEqual({ unitName, title });
  });

  it('says when the split is unsure: no known title, or no unit left', () => {
    expect(splitPostTextChecked('某大学教务处副主任')).toEqual({
      unitName: '某大学教务处',
      title: '副主任',
      sure: true,
    });
    expect(splitPostTextChecked('某研究院项目专员')).toEqual({
      unitName: '某研究院项目专员',
      title: '',
      sure: false,
    });
    expect(splitPostTextChecked('副主任')).toEqual({ unitName: '', title: '副主任', sure: false });
  });
});
